package io.jenkins.plugins.dataops.engine.quality;

import io.jenkins.plugins.dataops.engine.kernel.Suggestions;
import io.jenkins.plugins.dataops.engine.yaml.YamlProblems;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads composed YAML nodes of one suite file and records every problem with its line, so a suite author
 * sees all mistakes of a file at once.
 */
final class YamlNodes {
    private final String file;
    private final YamlProblems problems = new YamlProblems();

    YamlNodes(final String file) {
        this.file = file;
    }

    List<String> problems() {
        return problems.format((line, message) -> "Check suite '%s', line %d: %s".formatted(file, line, message));
    }

    boolean hasProblems() {
        return problems.any();
    }

    /**
     * Records a problem.
     *
     * @param node    the node it is about (for the line)
     * @param message what is wrong and what to do
     */
    void problem(final Node node, final String message) {
        problems.add(node, message);
    }

    void problem(final int line, final String message) {
        problems.add(line, message);
    }

    /**
     * Returns the entries of a mapping, recording unknown and duplicate keys.
     *
     * @param node    the mapping
     * @param allowed the known keys
     * @param where   what the mapping is, e.g. {@code check 'unique'}
     * @return key to value node, in file order, without the bad entries
     */
    Map<String, Node> entries(final MappingNode node, final Collection<String> allowed, final String where) {
        Map<String, Node> entries = new LinkedHashMap<>();
        for (NodeTuple tuple : node.getValue()) {
            Optional<String> key = scalar(tuple.getKeyNode());
            if (key.isEmpty()) {
                problem(tuple.getKeyNode(), "a key of %s is not a plain word".formatted(where));
            } else if (!allowed.contains(key.get())) {
                problem(
                        tuple.getKeyNode(),
                        "unknown key '%s' in %s%s; valid keys: %s"
                                .formatted(
                                        key.get(),
                                        where,
                                        Suggestions.didYouMean(key.get(), allowed),
                                        String.join(", ", allowed)));
            } else if (entries.putIfAbsent(key.get(), tuple.getValueNode()) != null) {
                problem(tuple.getKeyNode(), "duplicate key '%s' in %s".formatted(key.get(), where));
            }
        }
        return entries;
    }

    /**
     * Reads a single value.
     *
     * @param node the value node
     * @param key  its key, for messages
     * @return the text, or empty (problem recorded) for a list, a mapping or an empty value
     */
    Optional<String> text(final Node node, final String key) {
        Optional<String> value = scalar(node);
        if (value.isEmpty() || isNull(node)) {
            problem(node, "key '%s' needs a single value, not %s".formatted(key, describe(node)));
            return Optional.empty();
        }
        return value;
    }

    /**
     * Reads a list of single values; a single value is a list of one.
     *
     * @param node the value node
     * @param key  its key, for messages
     * @return the values, empty (problem recorded) when the node is not a non-empty list of single values
     */
    List<String> list(final Node node, final String key) {
        if (node instanceof ScalarNode) {
            return text(node, key).map(List::of).orElse(List.of());
        }
        if (!(node instanceof SequenceNode sequence) || sequence.getValue().isEmpty()) {
            problem(node, "key '%s' needs a non-empty list, e.g. [a, b], not %s".formatted(key, describe(node)));
            return List.of();
        }
        List<String> values = new ArrayList<>();
        for (Node item : sequence.getValue()) {
            text(item, key).ifPresent(values::add);
        }
        return values;
    }

    static boolean isNull(final Node node) {
        return node instanceof ScalarNode && Tag.NULL.equals(node.getTag());
    }

    static Optional<String> scalar(final Node node) {
        return node instanceof ScalarNode s ? Optional.of(s.getValue()) : Optional.empty();
    }

    static String describe(final Node node) {
        if (node instanceof MappingNode) {
            return "a mapping";
        }
        if (node instanceof SequenceNode) {
            return "a list";
        }
        return isNull(node) ? "an empty value" : "'" + ((ScalarNode) node).getValue() + "'";
    }
}
