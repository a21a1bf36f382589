package io.jenkins.plugins.dataops.engine.spec;

import io.jenkins.plugins.dataops.engine.db.SecretScrubber;
import io.jenkins.plugins.dataops.engine.kernel.InputLimits;
import io.jenkins.plugins.dataops.engine.kernel.InvalidInputException;
import io.jenkins.plugins.dataops.engine.kernel.Suggestions;
import io.jenkins.plugins.dataops.engine.spec.SpecKeys.Type;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Reads and validates {@code dataops.yaml}. Every problem of the file is reported at once, each with its
 * line and key; unknown keys get a "did you mean". Loading has no side effect, so a bad spec changes nothing.
 */
public final class SpecLoader {
    /** Product and environment names: they become database, role and resource names, so they stay simple. */
    public static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,39}");

    private final Path file;
    private final YamlValues values;

    /** Whether the paths the spec names are checked on disk; false only for {@link #parseDeclarations}. */
    private final boolean checkFiles;

    private SpecLoader(final Path file, final String source, final boolean checkFiles) {
        this.file = file;
        this.values = new YamlValues(source);
        this.checkFiles = checkFiles;
    }

    /**
     * Loads and validates a spec.
     *
     * @param file the spec file
     * @return the validated spec
     * @throws InvalidInputException naming file, line and key for every problem found
     */
    public static DataProductSpec load(final Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        if (!Files.isRegularFile(absolute)) {
            throw new InvalidInputException(
                    "Spec file '%s' not found; pass --spec FILE or create dataops.yaml.".formatted(absolute));
        }
        InputLimits.requireSize(absolute, InputLimits.SPEC_BYTES, "Spec");
        String source = absolute.toString();
        try (Reader reader = Files.newBufferedReader(absolute, StandardCharsets.UTF_8)) {
            return new SpecLoader(absolute, source, true).read(compose(reader, source));
        } catch (IOException e) {
            throw new InvalidInputException("Cannot read spec '%s': %s".formatted(absolute, e.getMessage()), e);
        }
    }

    /**
     * Parses a spec's text for its declarations only, without touching the file system: keys, values, names,
     * environments and the template are validated as {@link #load} does, with the same messages and lines, but
     * the files the spec names (changelog, checks, search path, extensions) are neither looked for nor checked
     * against links. For a caller that must decide from the spec without trusting whoever read it, e.g. a
     * Jenkins controller choosing which credentials a build may have; running the spec needs {@link #load}.
     *
     * @param name the spec's name for messages, e.g. its path in the workspace
     * @param text the spec's text
     * @return the spec; its paths are resolved against {@code name}'s folder and were not checked
     * @throws InvalidInputException naming the spec, line and key for every problem found, or the size limit
     */
    public static DataProductSpec parseDeclarations(final String name, final String text) {
        InputLimits.requireLength(name, text.getBytes(StandardCharsets.UTF_8).length, InputLimits.SPEC_BYTES, "Spec");
        Path nominal;
        try {
            nominal = Path.of(name).normalize();
        } catch (InvalidPathException e) {
            throw new InvalidInputException(
                    "Spec name '%s' is not a valid path; pass the spec's path in the workspace.".formatted(name), e);
        }
        return new SpecLoader(nominal, name, false).read(compose(new StringReader(text), name));
    }

    private static Node compose(final Reader reader, final String source) {
        try {
            Node root = new Yaml(new SafeConstructor(new LoaderOptions())).compose(reader);
            if (root == null) {
                throw new InvalidInputException(
                        "Spec '%s' is empty; declare at least product, changelog and environments.".formatted(source));
            }
            return root;
        } catch (YAMLException e) {
            throw new InvalidInputException(
                    "Spec '%s' is not valid YAML: %s"
                            .formatted(
                                    source,
                                    e.getMessage()
                                            .replace(System.lineSeparator(), " ")
                                            .replace('\n', ' ')),
                    e);
        }
    }

    private DataProductSpec read(final Node root) {
        Map<String, Node> top = values.mapping(root, "the spec", SpecKeys.TOP_LEVEL.keySet());
        for (String key : SpecKeys.REQUIRED_TOP_LEVEL) {
            if (!top.containsKey(key)) {
                values.problem(root, "missing required key '" + key + "'");
            }
        }
        String product = name(top.get("product"), "product");
        Path changelog = changelog(top.get("changelog"));
        Path checks = checks(top.get("checks"));
        Map<String, EnvironmentSpec> environments = environments(top.get("environments"));
        EnvironmentSpec ephemeral =
                top.containsKey("ephemeral") ? environment("ephemeral", top.get("ephemeral"), true) : null;
        List<String> promotion = promotion(top.get("promotion"), environments);
        SpecPolicy policy = new SpecPolicyReader(values).read(top);
        MigrationSettings migration = new MigrationSettingsReader(values, base(), checkFiles).read(top);
        values.throwIfAny();
        return new DataProductSpec(file, product, changelog, checks, promotion, environments, ephemeral, policy)
                .withMigration(migration);
    }

    private String name(final Node node, final String key) {
        if (node == null) {
            return "";
        }
        String name = values.string(node, key);
        if (name != null && !NAME.matcher(name).matches()) {
            values.problem(
                    node,
                    "'%s' value '%s' must start with a lower-case letter and hold only lower-case ".formatted(key, name)
                            + "letters, digits and '-' (at most 40)");
        }
        return name == null ? "" : name;
    }

    private Path changelog(final Node node) {
        if (node == null) {
            return base();
        }
        String text = values.string(node, "changelog");
        if (text == null) {
            return base();
        }
        Path changelog = base().resolve(text).normalize();
        if (!checkFiles) {
            return changelog;
        }
        if (!isInsideProduct(changelog)) {
            values.problem(
                    node,
                    "'changelog' value '%s' leaves the product's folder (also through a link); keep the changelog "
                                    .formatted(text)
                            + "inside the spec's folder");
        } else if (!Files.isRegularFile(changelog)) {
            values.problem(node, "changelog file '%s' not found (resolved to '%s')".formatted(text, changelog));
        }
        return changelog;
    }

    private Path checks(final Node node) {
        String text = node == null ? null : values.string(node, "checks");
        Path checks = base().resolve(text == null ? "checks" : text).normalize();
        if (checkFiles && node != null && !isInsideProduct(checks)) {
            values.problem(
                    node,
                    "'checks' value '%s' leaves the product's folder (also through a link); keep the check suites "
                                    .formatted(text)
                            + "inside the spec's folder");
        }
        return checks;
    }

    /**
     * Whether a path stays in the spec's folder, as written and where it really is (links resolved): the product's
     * files are fingerprinted and read from there, so nothing may reach beyond it.
     */
    private boolean isInsideProduct(final Path path) {
        Path base = base();
        if (!path.startsWith(base)) {
            return false;
        }
        try {
            return !Files.exists(path) || path.toRealPath().startsWith(base.toRealPath());
        } catch (IOException e) {
            return false;
        }
    }

    /** The spec's folder; for a parsed name without folder, the empty path. */
    private Path base() {
        Path parent = file.getParent();
        return parent == null ? Path.of("") : parent;
    }

    private Map<String, EnvironmentSpec> environments(final Node node) {
        Map<String, EnvironmentSpec> environments = new LinkedHashMap<>();
        if (node == null) {
            return environments;
        }
        List<NodeTuple> tuples = values.tuples(node, "'environments'");
        if (tuples.isEmpty() && !values.hasProblems()) {
            values.problem(node, "'environments' must declare at least one environment");
        }
        for (NodeTuple tuple : tuples) {
            String envName = name(tuple.getKeyNode(), "environment name");
            if (environments.containsKey(envName)) {
                values.problem(tuple.getKeyNode(), "environment '" + envName + "' is declared twice");
                continue;
            }
            environments.put(envName, environment(envName, tuple.getValueNode(), false));
        }
        return environments;
    }

    private EnvironmentSpec environment(final String envName, final Node node, final boolean template) {
        String where = template ? "'ephemeral'" : "environment '" + envName + "'";
        String provider = providerOf(node, where);
        Map<String, Type> allowed = new LinkedHashMap<>(SpecKeys.COMMON);
        allowed.putAll(SpecKeys.PROVIDERS.getOrDefault(provider, Map.of()));
        if (template) {
            allowed.putAll(SpecKeys.EPHEMERAL);
        }
        Map<String, Node> entries = values.mapping(node, where, allowed.keySet());
        for (String required : SpecKeys.REQUIRED_BY_PROVIDER.getOrDefault(provider, Set.of())) {
            if (!entries.containsKey(required)) {
                values.problem(node, where + " (provider '" + provider + "') needs the key '" + required + "'");
            }
        }
        Map<String, Object> settings = new LinkedHashMap<>();
        entries.forEach((key, value) -> settings.put(key, values.value(value, key, allowed.get(key))));
        if (settings.get("url") instanceof String url && SecretScrubber.hasPassword(url)) {
            values.problem(
                    entries.get("url"),
                    where + ": 'url' must not carry a password ('" + SecretScrubber.url(url)
                            + "'); name a credentials id in 'credentials' instead");
        }
        return new EnvironmentSpec(envName, provider, settings);
    }

    private String providerOf(final Node node, final String where) {
        Map<String, Node> raw = new LinkedHashMap<>();
        for (NodeTuple tuple : values.tuples(node, where)) {
            if (tuple.getKeyNode() instanceof ScalarNode key) {
                raw.put(key.getValue(), tuple.getValueNode());
            }
        }
        Node providerNode = raw.get("provider");
        if (providerNode == null) {
            if (!raw.isEmpty() || node instanceof MappingNode) {
                values.problem(
                        node,
                        where + " needs the key 'provider' (one of "
                                + SpecKeys.PROVIDERS.keySet().stream().sorted().toList() + ")");
            }
            return "";
        }
        String provider = values.string(providerNode, "provider");
        if (provider != null && !SpecKeys.PROVIDERS.containsKey(provider)) {
            values.problem(
                    providerNode,
                    "unknown provider '" + provider + "' in " + where
                            + Suggestions.hint(
                                    provider,
                                    SpecKeys.PROVIDERS.keySet().stream()
                                            .sorted()
                                            .toList()));
        }
        return provider == null ? "" : provider;
    }

    private List<String> promotion(final Node node, final Map<String, EnvironmentSpec> environments) {
        if (node == null) {
            return new ArrayList<>(environments.keySet());
        }
        List<String> promotion = values.stringList(node, "promotion");
        if (promotion == null) {
            return List.of();
        }
        Set<String> seen = new HashSet<>();
        for (String env : promotion) {
            if (!environments.containsKey(env)) {
                values.problem(
                        node,
                        "promotion path names environment '" + env + "', which is not declared"
                                + Suggestions.hint(env, environments.keySet()));
            }
            if (!seen.add(env)) {
                values.problem(node, "promotion path names environment '" + env + "' twice");
            }
        }
        return promotion;
    }
}
