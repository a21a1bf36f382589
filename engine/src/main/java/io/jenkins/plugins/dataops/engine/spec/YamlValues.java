package io.jenkins.plugins.dataops.engine.spec;

import io.jenkins.plugins.dataops.engine.kernel.InvalidInputException;
import io.jenkins.plugins.dataops.engine.kernel.Suggestions;
import io.jenkins.plugins.dataops.engine.spec.SpecKeys.Type;
import io.jenkins.plugins.dataops.engine.yaml.YamlProblems;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads typed values out of a composed YAML document and collects every problem with its line, so that one
 * run of the loader reports all mistakes of a file at once. Nothing is thrown until {@link #throwIfAny()}.
 */
final class YamlValues {
    private static final Set<String> TRUE_WORDS = Set.of("true", "yes", "on");

    /** The spec's name in messages: its path, or the name a caller gave to text it parsed. */
    private final String file;

    private final YamlProblems problems = new YamlProblems();

    YamlValues(final String file) {
        this.file = file;
    }

    /**
     * Records a problem at a node.
     *
     * @param node    where it is
     * @param message what is wrong, naming the key
     */
    void problem(final Node node, final String message) {
        problems.add(node, message);
    }

    boolean hasProblems() {
        return problems.any();
    }

    /**
     * Throws one exception listing every problem found, if any.
     *
     * @throws InvalidInputException naming the file and each problem with its line
     */
    void throwIfAny() {
        if (problems.any()) {
            throw new InvalidInputException("Invalid spec '%s' (%d problem%s):%n  %s"
                    .formatted(
                            file,
                            problems.count(),
                            problems.count() == 1 ? "" : "s",
                            String.join(
                                    System.lineSeparator() + "  ",
                                    problems.format((line, message) -> "line " + line + ": " + message))));
        }
    }

    /**
     * Reads a mapping, reporting unknown keys (with a suggestion) and duplicate keys.
     *
     * @param node    the node that should be a mapping
     * @param where   where it is, for messages, e.g. {@code environment 'dev'}
     * @param allowed the allowed keys
     * @return the entries by key, in document order; empty when the node is not a mapping
     */
    Map<String, Node> mapping(final Node node, final String where, final Set<String> allowed) {
        Map<String, Node> entries = new LinkedHashMap<>();
        if (!(node instanceof MappingNode map)) {
            problem(node, where + " must be a mapping of keys to values");
            return entries;
        }
        for (NodeTuple tuple : map.getValue()) {
            String key = tuple.getKeyNode() instanceof ScalarNode s ? s.getValue() : String.valueOf(tuple.getKeyNode());
            if (entries.containsKey(key)) {
                problem(tuple.getKeyNode(), "duplicate key '" + key + "' in " + where);
            } else if (!allowed.contains(key)) {
                problem(tuple.getKeyNode(), "unknown key '" + key + "' in " + where + Suggestions.hint(key, allowed));
            } else {
                entries.put(key, tuple.getValueNode());
            }
        }
        return entries;
    }

    /**
     * Lists the keys of a mapping with their key nodes, duplicates included, for named entries such as
     * environments.
     *
     * @param node  the mapping
     * @param where where it is, for messages
     * @return key node and value node pairs in document order
     */
    List<NodeTuple> tuples(final Node node, final String where) {
        if (node instanceof MappingNode map) {
            return map.getValue();
        }
        problem(node, where + " must be a mapping");
        return List.of();
    }

    /**
     * Converts a value to its Java form, reporting a wrong type.
     *
     * @param node the value node
     * @param key  its key, for messages
     * @param type the expected type
     * @return the value (String, Boolean, Integer, List, Map), or null when it has the wrong type
     */
    Object value(final Node node, final String key, final Type type) {
        return switch (type) {
            case STRING -> string(node, key);
            case BOOLEAN -> bool(node, key);
            case INTEGER -> integer(node, key);
            case DURATION -> duration(node, key);
            case STRING_LIST -> stringList(node, key);
            case MAP_LIST -> mapList(node, key);
            case STRING_MAP -> stringMap(node, key);
            case MAPPING -> node;
        };
    }

    String string(final Node node, final String key) {
        if (node instanceof ScalarNode scalar && !Tag.NULL.equals(scalar.getTag())) {
            return scalar.getValue();
        }
        problem(node, "'" + key + "' must be a text value");
        return null;
    }

    private Boolean bool(final Node node, final String key) {
        if (node instanceof ScalarNode scalar && Tag.BOOL.equals(scalar.getTag())) {
            return TRUE_WORDS.contains(scalar.getValue().toLowerCase(Locale.ROOT));
        }
        problem(node, "'" + key + "' must be true or false");
        return null;
    }

    private Integer integer(final Node node, final String key) {
        if (node instanceof ScalarNode scalar && Tag.INT.equals(scalar.getTag())) {
            try {
                return Integer.valueOf(scalar.getValue().replace("_", ""));
            } catch (NumberFormatException e) {
                problem(
                        node,
                        "'" + key + "' must be a whole number between " + Integer.MIN_VALUE + " and "
                                + Integer.MAX_VALUE + ", not '" + scalar.getValue() + "'");
                return null;
            }
        }
        problem(node, "'" + key + "' must be a whole number");
        return null;
    }

    private String duration(final Node node, final String key) {
        String text = string(node, key);
        if (text == null) {
            return null;
        }
        try {
            DurationParser.parse(text);
            return text;
        } catch (InvalidInputException e) {
            problem(node, "'" + key + "': " + e.getMessage());
            return null;
        }
    }

    List<String> stringList(final Node node, final String key) {
        if (!(node instanceof SequenceNode sequence)) {
            problem(node, "'" + key + "' must be a list, e.g. [a, b]");
            return null;
        }
        List<String> values = new ArrayList<>();
        for (Node item : sequence.getValue()) {
            String value = string(item, key + " item");
            if (value != null) {
                values.add(value);
            }
        }
        return values;
    }

    private List<Map<String, Object>> mapList(final Node node, final String key) {
        if (!(node instanceof SequenceNode sequence)) {
            problem(node, "'" + key + "' must be a list of mappings");
            return null;
        }
        Map<String, Type> schema = "firewall".equals(key) ? SpecKeys.FIREWALL_RULE : Map.of();
        List<Map<String, Object>> values = new ArrayList<>();
        for (Node item : sequence.getValue()) {
            Map<String, Node> entries = mapping(item, "a '" + key + "' entry", schema.keySet());
            Map<String, Object> converted = new LinkedHashMap<>();
            for (String required : schema.keySet()) {
                if (!entries.containsKey(required) && item instanceof MappingNode) {
                    problem(item, "a '" + key + "' entry needs the key '" + required + "'");
                }
            }
            entries.forEach((k, v) -> converted.put(k, value(v, key + "." + k, schema.get(k))));
            values.add(converted);
        }
        return values;
    }

    private Map<String, String> stringMap(final Node node, final String key) {
        if (!(node instanceof MappingNode map)) {
            problem(node, "'" + key + "' must be a mapping of names to text values");
            return null;
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (NodeTuple tuple : map.getValue()) {
            String name = string(tuple.getKeyNode(), key + " name");
            String value = string(tuple.getValueNode(), key + "." + name);
            if (name != null && value != null) {
                values.put(name, value);
            }
        }
        return values;
    }
}
