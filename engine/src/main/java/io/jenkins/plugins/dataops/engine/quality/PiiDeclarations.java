package io.jenkins.plugins.dataops.engine.quality;

import io.jenkins.plugins.dataops.engine.yaml.YamlProblems;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Collects what a suite says about personal data: the suite's {@code pii:} (a list of columns to mask, or a
 * mapping of column to {@code true}/{@code false}) and the {@code pii: true|false} of its column checks, which
 * applies to the check's columns in every sample row of the suite. Saying both for one column is a problem.
 */
final class PiiDeclarations {
    private static final String KEY = "pii";

    private final YamlNodes yaml;
    private final Map<String, Boolean> declared = new LinkedHashMap<>();
    private final Map<String, Integer> lines = new LinkedHashMap<>();

    PiiDeclarations(final YamlNodes yaml) {
        this.yaml = yaml;
    }

    /** Reads the suite's {@code pii:}: a list of column names, or a mapping of column name to true or false. */
    void suite(final Node node) {
        if (node instanceof MappingNode mapping) {
            for (NodeTuple tuple : mapping.getValue()) {
                Optional<String> column = yaml.text(tuple.getKeyNode(), KEY);
                Optional<Boolean> pii = flag(tuple.getValueNode(), "pii: { %s: ... }".formatted(column.orElse("")));
                if (column.isPresent() && pii.isPresent()) {
                    declare(column.get(), pii.get(), tuple.getKeyNode());
                }
            }
        } else if (node instanceof SequenceNode || node instanceof ScalarNode && !YamlNodes.isNull(node)) {
            yaml.list(node, KEY).forEach(column -> declare(column, true, node));
        } else {
            yaml.problem(
                    node,
                    "key 'pii' needs a list of columns to mask, e.g. [email, phone], or a mapping such as"
                            + " { email: false }, not " + YamlNodes.describe(node));
        }
    }

    /** Reads a check's {@code pii: true|false}, which applies to its columns. */
    void check(final Node node, final List<String> columns) {
        flag(node, KEY).ifPresent(pii -> columns.forEach(column -> declare(column, pii, node)));
    }

    PiiColumns build() {
        return new PiiColumns(declared);
    }

    private Optional<Boolean> flag(final Node node, final String key) {
        // YAML 1.1 also reads yes/no/on/off as booleans: only the two words people mean count
        if (node instanceof ScalarNode scalar
                && Tag.BOOL.equals(scalar.getTag())
                && List.of("true", "false").contains(scalar.getValue().toLowerCase(Locale.ROOT))) {
            return Optional.of(Boolean.parseBoolean(scalar.getValue()));
        }
        yaml.problem(node, "key '%s' needs true or false, not %s".formatted(key, YamlNodes.describe(node)));
        return Optional.empty();
    }

    private void declare(final String column, final boolean pii, final Node at) {
        String name = column.toLowerCase(Locale.ROOT);
        Boolean before = declared.putIfAbsent(name, pii);
        if (before == null) {
            lines.put(name, YamlProblems.line(at));
        } else if (before != pii) {
            yaml.problem(
                    at,
                    "column '%s' is pii: %s here but pii: %s on line %d; say it once, in the suite's 'pii' key"
                            .formatted(column, pii, before, lines.get(name)));
        }
    }
}
