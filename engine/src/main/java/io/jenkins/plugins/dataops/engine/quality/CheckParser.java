package io.jenkins.plugins.dataops.engine.quality;

import io.jenkins.plugins.dataops.engine.kernel.InvalidInputException;
import io.jenkins.plugins.dataops.engine.kernel.Suggestions;
import io.jenkins.plugins.dataops.engine.spec.DurationParser;
import io.jenkins.plugins.dataops.engine.yaml.YamlProblems;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.SequenceNode;

/** Reads the parameters of one check from its YAML mapping, recording problems in {@link YamlNodes}. */
final class CheckParser {
    private static final Pattern STATEMENT_CHAINING = Pattern.compile(";|--|/\\*");
    private static final Pattern SELECT = Pattern.compile("(?is)\\s*(select|with)\\b.*");
    private static final List<String> SEVERITIES = List.of("error", "warn");

    private final YamlNodes yaml;

    CheckParser(final YamlNodes yaml) {
        this.yaml = yaml;
    }

    /**
     * Reads a check.
     *
     * @param type   its type
     * @param params its parameter mapping (already checked for unknown keys)
     * @param at     the node of the check, for lines
     * @return a builder with everything that could be read
     */
    CheckBuilder parse(final CheckType type, final Map<String, Node> params, final Node at) {
        CheckBuilder b = new CheckBuilder(type).line(YamlProblems.line(at));
        readCommon(b, params, at);
        switch (type) {
            case ROW_COUNT -> readRowCount(b, params, at);
            case UNIQUE -> readUnique(b, params, at);
            case ACCEPTED_VALUES -> {
                column(b, params, at);
                required(params, "values", type, at).ifPresent(n -> b.values(yaml.list(n, "values")));
            }
            case RANGE -> readRange(b, params, at);
            case PATTERN -> {
                column(b, params, at);
                required(params, "regex", type, at)
                        .flatMap(n -> yaml.text(n, "regex"))
                        .ifPresent(r -> b.regex(validRegex(r, params.get("regex"))));
            }
            case RELATIONSHIPS -> {
                column(b, params, at);
                String to = required(params, "to", type, at)
                        .flatMap(n -> yaml.text(n, "to"))
                        .orElse("");
                String field = required(params, "field", type, at)
                        .flatMap(n -> yaml.text(n, "field"))
                        .orElse("");
                b.references(to, field);
            }
            case FRESHNESS -> readFreshness(b, params, at);
            case SCHEMA -> required(params, "columns", type, at).ifPresent(n -> b.expectedColumns(schemaColumns(n)));
            case SQL -> readSql(b, params, at);
            default -> column(b, params, at);
        }
        return b;
    }

    private void readCommon(final CheckBuilder b, final Map<String, Node> params, final Node at) {
        optional(params, "name").ifPresent(b::name);
        optional(params, "severity").ifPresent(s -> {
            if (SEVERITIES.contains(s)) {
                b.severity(Severity.valueOf(s.toUpperCase(Locale.ROOT)));
            } else {
                yaml.problem(
                        params.get("severity"),
                        "severity '%s' is not valid%s; use error or warn"
                                .formatted(s, Suggestions.didYouMean(s, SEVERITIES)));
            }
        });
        optional(params, "threshold").ifPresent(t -> {
            try {
                b.threshold(Threshold.parse(t));
            } catch (IllegalArgumentException e) {
                yaml.problem(params.get("threshold"), e.getMessage());
            }
        });
        optional(params, "where").ifPresent(w -> b.where(trustedSql(w, "where", params.get("where"))));
    }

    private void readRowCount(final CheckBuilder b, final Map<String, Node> params, final Node at) {
        Optional<String> min = optional(params, "min");
        Optional<String> max = optional(params, "max");
        if (min.isEmpty() && max.isEmpty()) {
            yaml.problem(at, "check 'row_count' needs 'min', 'max' or both");
        }
        min.ifPresent(m -> b.min(count(m, "min", params.get("min"))));
        max.ifPresent(m -> b.max(count(m, "max", params.get("max"))));
        if (!b.min.isEmpty() && !b.max.isEmpty() && Long.parseLong(b.min) > Long.parseLong(b.max)) {
            yaml.problem(at, "check 'row_count' has min %s above max %s".formatted(b.min, b.max));
        }
    }

    private String count(final String text, final String key, final Node node) {
        if (!text.matches("\\d{1,18}")) {
            yaml.problem(node, "key '%s' needs a whole number of rows, not '%s'".formatted(key, text));
            return "";
        }
        return text;
    }

    private void readUnique(final CheckBuilder b, final Map<String, Node> params, final Node at) {
        if (params.containsKey("column") == params.containsKey("columns")) {
            yaml.problem(at, "check 'unique' needs either 'column' or 'columns' (a list for a composite key)");
            return;
        }
        String key = params.containsKey("column") ? "column" : "columns";
        List<String> columns = "column".equals(key)
                ? yaml.text(params.get(key), key).map(List::of).orElse(List.of())
                : yaml.list(params.get(key), key);
        if (columns.stream().distinct().count() < columns.size()) {
            yaml.problem(params.get(key), "key 'columns' names a column twice: " + columns);
        }
        b.columns(columns);
    }

    private void readRange(final CheckBuilder b, final Map<String, Node> params, final Node at) {
        column(b, params, at);
        Optional<RangeBound> min = bound(params, "min");
        Optional<RangeBound> max = bound(params, "max");
        if (!params.containsKey("min") && !params.containsKey("max")) {
            yaml.problem(at, "check 'range' needs 'min', 'max' or both");
        }
        if (min.isPresent()
                && max.isPresent()
                && min.get().isNumber() != max.get().isNumber()) {
            yaml.problem(at, "check 'range' mixes a number and a date in 'min' and 'max'");
        }
        min.ifPresent(m -> b.min(m.toString()));
        max.ifPresent(m -> b.max(m.toString()));
    }

    private Optional<RangeBound> bound(final Map<String, Node> params, final String key) {
        Optional<String> text = optional(params, key);
        try {
            return text.map(RangeBound::parse);
        } catch (IllegalArgumentException | InvalidInputException e) {
            yaml.problem(params.get(key), "key '%s': %s".formatted(key, e.getMessage()));
            return Optional.empty();
        }
    }

    private void readFreshness(final CheckBuilder b, final Map<String, Node> params, final Node at) {
        column(b, params, at);
        required(params, "maxAge", CheckType.FRESHNESS, at)
                .flatMap(n -> yaml.text(n, "maxAge"))
                .ifPresent(age -> {
                    try {
                        b.maxAge(DurationParser.parse(age));
                    } catch (InvalidInputException e) {
                        yaml.problem(params.get("maxAge"), "key 'maxAge': " + e.getMessage());
                    }
                });
    }

    private void readSql(final CheckBuilder b, final Map<String, Node> params, final Node at) {
        if (!params.containsKey("name")) {
            yaml.problem(at, "check 'sql' needs a 'name' that says what its failing rows are");
        }
        if (b.threshold.isPercent()) {
            yaml.problem(params.get("threshold"), "check 'sql' takes a count of rows as threshold, not a percentage");
        }
        required(params, "query", CheckType.SQL, at)
                .flatMap(n -> yaml.text(n, "query"))
                .ifPresent(q -> {
                    String query = trustedSql(q.strip().replaceAll(";\\s*$", ""), "query", params.get("query"));
                    if (!SELECT.matcher(query).matches()) {
                        yaml.problem(params.get("query"), "key 'query' must be a SELECT (or WITH ... SELECT) query");
                    }
                    b.query(query);
                });
    }

    private Map<String, String> schemaColumns(final Node node) {
        Map<String, String> columns = new LinkedHashMap<>();
        if (node instanceof MappingNode mapping) {
            for (NodeTuple tuple : mapping.getValue()) {
                Optional<String> name = yaml.text(tuple.getKeyNode(), "columns");
                String type = YamlNodes.isNull(tuple.getValueNode())
                        ? ""
                        : yaml.text(tuple.getValueNode(), "columns").orElse("");
                name.ifPresent(n -> columns.put(n, type));
            }
        } else if (node instanceof SequenceNode || !YamlNodes.isNull(node)) {
            yaml.list(node, "columns").forEach(c -> columns.put(c, ""));
        }
        if (columns.isEmpty()) {
            yaml.problem(
                    node,
                    "key 'columns' needs column names, as a list [id, email] or a mapping "
                            + "{ id: BIGINT, email: VARCHAR }");
        }
        return columns;
    }

    private void column(final CheckBuilder b, final Map<String, Node> params, final Node at) {
        required(params, "column", b.type, at)
                .flatMap(n -> yaml.text(n, "column"))
                .ifPresent(c -> b.columns(List.of(c)));
    }

    private String validRegex(final String regex, final Node node) {
        try {
            Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            yaml.problem(node, "key 'regex' is not a valid regular expression: " + e.getDescription());
        }
        return regex;
    }

    private String trustedSql(final String sql, final String key, final Node node) {
        if (STATEMENT_CHAINING.matcher(sql).find()) {
            yaml.problem(node, "key '%s' must be one SQL expression without ';', '--' or '/*'".formatted(key));
        }
        if (sql.isBlank()) {
            yaml.problem(node, "key '%s' is empty".formatted(key));
        }
        return sql.strip();
    }

    private Optional<Node> required(
            final Map<String, Node> params, final String key, final CheckType type, final Node at) {
        Node node = params.get(key);
        if (node == null) {
            yaml.problem(at, "check '%s' needs key '%s'".formatted(type.key(), key));
        }
        return Optional.ofNullable(node);
    }

    private Optional<String> optional(final Map<String, Node> params, final String key) {
        Node node = params.get(key);
        return node == null ? Optional.empty() : yaml.text(node, key);
    }
}
