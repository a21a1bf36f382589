package io.jenkins.plugins.dataops.engine.quality;

import io.jenkins.plugins.dataops.engine.kernel.Suggestions;
import io.jenkins.plugins.dataops.engine.yaml.YamlProblems;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.SequenceNode;

/** Parses the text of one suite file into a {@link CheckSuite}, collecting every problem with its line. */
final class SuiteParser {
    private static final List<String> SUITE_KEYS =
            List.of("checks", "description", "incremental", "pii", "since", "table");

    private final String file;
    private final YamlNodes yaml;
    private final PiiDeclarations pii;

    SuiteParser(final String file) {
        this.file = file;
        this.yaml = new YamlNodes(file);
        this.pii = new PiiDeclarations(yaml);
    }

    List<String> problems() {
        return yaml.problems();
    }

    /**
     * Parses a suite.
     *
     * @param text     the file content
     * @param checksum the SHA-256 of the file's bytes
     * @return the suite, or empty when {@link #problems()} says why not
     */
    Optional<CheckSuite> parse(final String text, final String checksum) {
        Node root;
        try {
            root = new Yaml(new LoaderOptions()).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            yaml.problem(
                    e.getProblemMark() == null ? 1 : e.getProblemMark().getLine() + 1,
                    "is not valid YAML: " + e.getProblem());
            return Optional.empty();
        } catch (YAMLException e) {
            yaml.problem(1, "is not valid YAML: " + e.getMessage());
            return Optional.empty();
        }
        if (!(root instanceof MappingNode mapping)) {
            yaml.problem(
                    root == null ? 1 : YamlProblems.line(root),
                    "a suite is a mapping with the keys 'table' and 'checks'");
            return Optional.empty();
        }
        Map<String, Node> entries = yaml.entries(mapping, SUITE_KEYS, "the suite");
        String table = requiredText(entries, "table", mapping);
        Optional.ofNullable(entries.get("description")).ifPresent(d -> yaml.text(d, "description"));
        String since = Optional.ofNullable(entries.get("since"))
                .flatMap(d -> yaml.text(d, "since"))
                .orElse("");
        String incremental = Optional.ofNullable(entries.get("incremental"))
                .map(this::incremental)
                .orElse("");
        Optional.ofNullable(entries.get("pii")).ifPresent(pii::suite);
        List<Check> checks = checks(entries, mapping);
        if (yaml.hasProblems()) {
            return Optional.empty();
        }
        return Optional.of(
                new CheckSuite(suiteName(file), file, table, since, checks, checksum, incremental, pii.build()));
    }

    /** Reads {@code incremental: { column: updated_at }}; the column's type is checked against the live schema. */
    private String incremental(final Node node) {
        if (!(node instanceof MappingNode mapping)) {
            yaml.problem(
                    node,
                    "key 'incremental' needs a mapping with the key 'column', e.g. incremental: { column: updated_at },"
                            + " not " + YamlNodes.describe(node));
            return "";
        }
        Map<String, Node> keys = yaml.entries(mapping, List.of("column"), "key 'incremental'");
        Node column = keys.get("column");
        if (column == null) {
            yaml.problem(
                    node,
                    "key 'incremental' needs key 'column' naming a timestamp or monotonic id column,"
                            + " e.g. incremental: { column: updated_at }");
            return "";
        }
        Optional<String> text = yaml.text(column, "incremental.column");
        String name = text.orElse("");
        if (text.isPresent() && name.isBlank()) {
            yaml.problem(column, "key 'incremental.column' is empty; name a timestamp or monotonic id column");
        }
        return name.trim();
    }

    static String suiteName(final String file) {
        return file.replaceFirst("\\.ya?ml$", "");
    }

    private String requiredText(final Map<String, Node> entries, final String key, final Node at) {
        Node node = entries.get(key);
        if (node == null) {
            yaml.problem(at, "the suite needs key '%s'".formatted(key));
            return "";
        }
        return yaml.text(node, key).orElse("");
    }

    private List<Check> checks(final Map<String, Node> entries, final Node at) {
        Node node = entries.get("checks");
        if (node == null) {
            yaml.problem(at, "the suite needs key 'checks' with a list of checks");
            return List.of();
        }
        if (!(node instanceof SequenceNode sequence) || sequence.getValue().isEmpty()) {
            yaml.problem(node, "key 'checks' needs a non-empty list of checks, not " + YamlNodes.describe(node));
            return List.of();
        }
        List<Check> checks = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (Node item : sequence.getValue()) {
            check(item).ifPresent(c -> {
                if (!names.add(c.name())) {
                    yaml.problem(
                            item, "a second check is named '%s'; give one of them another 'name'".formatted(c.name()));
                }
                checks.add(c);
            });
        }
        return checks;
    }

    private Optional<Check> check(final Node item) {
        if (!(item instanceof MappingNode mapping) || mapping.getValue().size() != 1) {
            yaml.problem(item, "a check is one check type with its keys, e.g. '- not_null: { column: email }'");
            return Optional.empty();
        }
        NodeTuple tuple = mapping.getValue().get(0);
        String typeKey = YamlNodes.scalar(tuple.getKeyNode()).orElse("");
        Optional<CheckType> type = CheckType.ofKey(typeKey);
        if (type.isEmpty()) {
            yaml.problem(
                    item,
                    "unknown check type '%s'%s; valid types: %s"
                            .formatted(
                                    typeKey,
                                    Suggestions.didYouMean(typeKey, CheckType.keys()),
                                    String.join(", ", CheckType.keys())));
            return Optional.empty();
        }
        Node value = tuple.getValueNode();
        Map<String, Node> params = Map.of();
        if (value instanceof MappingNode params0) {
            params = yaml.entries(params0, type.get().allowedKeys(), "check '%s'".formatted(typeKey));
        } else if (!YamlNodes.isNull(value)) {
            yaml.problem(
                    value,
                    "check '%s' needs a mapping of keys, e.g. { column: email }, not %s"
                            .formatted(typeKey, YamlNodes.describe(value)));
            return Optional.empty();
        }
        CheckBuilder builder = new CheckParser(yaml).parse(type.get(), params, item);
        if (builder.name.isEmpty()) {
            builder.name(defaultName(builder));
        }
        Optional.ofNullable(params.get("pii")).ifPresent(flag -> pii.check(flag, builder.columns));
        return Optional.of(builder.build());
    }

    private static String defaultName(final CheckBuilder b) {
        StringBuilder name = new StringBuilder(b.type.key());
        b.columns.forEach(c -> name.append('_').append(c));
        return name.toString();
    }
}
