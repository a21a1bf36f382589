package io.jenkins.plugins.dataops.engine.spec;

import io.jenkins.plugins.dataops.engine.db.DatabaseTarget;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads {@code searchPath}, {@code extensions} and {@code stateSchema}. Paths are resolved against the spec's
 * folder and must stay inside it: they are part of the release (fingerprinted), and a spec must not reach out of
 * its workspace.
 */
final class MigrationSettingsReader {
    private final YamlValues values;
    private final Path base;
    private final boolean checkFiles;

    MigrationSettingsReader(final YamlValues values, final Path base, final boolean checkFiles) {
        this.values = values;
        this.base = base;
        this.checkFiles = checkFiles;
    }

    MigrationSettings read(final Map<String, Node> top) {
        List<Path> searchPath = paths(top.get("searchPath"), "searchPath", true);
        List<Path> extensions = paths(top.get("extensions"), "extensions", false);
        String schema = top.containsKey("stateSchema") ? values.string(top.get("stateSchema"), "stateSchema") : null;
        if (schema != null && !DatabaseTarget.SCHEMA_NAME.matcher(schema).matches()) {
            values.problem(
                    top.get("stateSchema"),
                    "'stateSchema' value '%s' must be a plain identifier: letters, digits and '_', starting with a "
                                    .formatted(schema)
                            + "letter (at most 63)");
        }
        return new MigrationSettings(searchPath, extensions, schema == null ? "" : schema);
    }

    private List<Path> paths(final Node node, final String key, final boolean foldersOnly) {
        List<Path> paths = new ArrayList<>();
        List<String> texts = node == null ? null : values.stringList(node, key);
        if (texts == null) {
            return paths;
        }
        for (String text : texts) {
            Path path = base.resolve(text).normalize();
            if (!checkFiles) {
                paths.add(path); // declarations only: the full load on the agent checks every path
            } else if (!path.startsWith(base)) {
                values.problem(
                        node, "'%s' entry '%s' leaves the product's folder; use a path inside it".formatted(key, text));
            } else if (foldersOnly ? !Files.isDirectory(path) : !isJarOrFolder(path)) {
                values.problem(
                        node,
                        "'%s' entry '%s' is not %s (resolved to '%s')"
                                .formatted(key, text, foldersOnly ? "a folder" : "a .jar file or a folder", path));
            } else {
                paths.add(path);
            }
        }
        return paths;
    }

    private static boolean isJarOrFolder(final Path path) {
        return Files.isDirectory(path)
                || (Files.isRegularFile(path) && path.getFileName().toString().endsWith(".jar"));
    }
}
