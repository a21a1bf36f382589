package io.jenkins.plugins.dataops.engine.governance;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The vocabulary as the code defines it, and as docs/governance.md lists it. */
final class VocabularyDoc {
    /** A table row whose first cell is a code span, and its second cell when that is one too. */
    private static final Pattern ROW = Pattern.compile("^\\|\\s*`([^`]+)`\\s*\\|(?:\\s*`([^`]+)`\\s*\\|)?");

    private VocabularyDoc() {}

    /** Every evidence key constant of {@link EvidenceKeys}, in declaration order. */
    static List<String> evidenceKeys() {
        List<String> keys = new ArrayList<>();
        for (Field field : EvidenceKeys.class.getDeclaredFields()) {
            int modifiers = field.getModifiers();
            if (Modifier.isPublic(modifiers) && Modifier.isStatic(modifiers) && field.getType() == String.class) {
                try {
                    keys.add((String) field.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException("public constants are readable", e);
                }
            }
        }
        return keys;
    }

    /**
     * Returns the rows of the tables under a {@code ###} heading of the document: first cell, second cell (empty
     * when it is not a code span).
     */
    static Map<String, String> rows(final String heading) throws IOException {
        Path doc = Path.of("..", "docs", "governance.md");
        Map<String, String> rows = new LinkedHashMap<>();
        boolean inside = false;
        for (String line : Files.readAllLines(doc)) {
            if (line.startsWith("#")) {
                inside = line.equals("### " + heading);
                continue;
            }
            Matcher row = ROW.matcher(line);
            if (inside && row.find()) {
                rows.put(row.group(1), row.group(2) == null ? "" : row.group(2));
            }
        }
        return rows;
    }
}
