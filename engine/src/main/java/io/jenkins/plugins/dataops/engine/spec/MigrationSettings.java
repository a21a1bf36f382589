package io.jenkins.plugins.dataops.engine.spec;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What the spec says about how its changelog is read and where the product keeps its own tables.
 *
 * @param searchPath  resource roots (folders inside the product) for classpath-style includes; empty for none
 * @param extensions  extension jars or folders of jars (inside the product) for custom change classes
 * @param stateSchema the schema of the product's own tables (lock, release history); empty for the
 *                    environment's default schema
 */
public record MigrationSettings(List<Path> searchPath, List<Path> extensions, String stateSchema) {
    /** No search path, no extensions, the default schema. */
    public static final MigrationSettings DEFAULTS = new MigrationSettings(List.of(), List.of(), "");

    /** Validates and copies the parts. */
    public MigrationSettings {
        searchPath = List.copyOf(searchPath);
        extensions = List.copyOf(extensions);
        Objects.requireNonNull(stateSchema, "stateSchema");
    }
}
