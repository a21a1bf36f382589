package io.jenkins.plugins.dataops.engine.spec;

import io.jenkins.plugins.dataops.engine.kernel.InvalidInputException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A data product as declared in {@code dataops.yaml}: product name, changelog, checks folder, promotion path,
 * environments and the ephemeral template. Instances come from {@link SpecLoader}, which has validated them.
 */
public final class DataProductSpec {
    /** The folder beside the spec that holds the ledger and embedded databases. */
    public static final String STATE_FOLDER = ".dataops";

    private final Path file;
    private final String product;
    private final Path changelog;
    private final Path checks;
    private final List<String> promotion;
    private final Map<String, EnvironmentSpec> environments;
    private final EnvironmentSpec ephemeral;
    private final SpecPolicy policy;
    private final MigrationSettings migration;

    /**
     * Creates a spec. Paths are resolved against the spec's folder.
     *
     * @param file         the spec file
     * @param product      the product name
     * @param changelog    the root changelog file
     * @param checks       the folder of check suites
     * @param promotion    the promotion path, e.g. dev, qat, prod
     * @param environments the environments in declaration order
     * @param ephemeral    the template for throw-away environments, or null
     * @param policy       what the spec allows by default (changes without rollback, destructive changes)
     */
    @SuppressWarnings("checkstyle:ParameterNumber") // a value built only by SpecLoader
    public DataProductSpec(
            final Path file,
            final String product,
            final Path changelog,
            final Path checks,
            final List<String> promotion,
            final Map<String, EnvironmentSpec> environments,
            final EnvironmentSpec ephemeral,
            final SpecPolicy policy) {
        this.file = file.toAbsolutePath().normalize();
        this.product = Objects.requireNonNull(product, "product");
        this.changelog = Objects.requireNonNull(changelog, "changelog");
        this.checks = Objects.requireNonNull(checks, "checks");
        this.promotion = List.copyOf(promotion);
        this.environments = Collections.unmodifiableMap(new LinkedHashMap<>(environments));
        this.ephemeral = ephemeral;
        this.policy = Objects.requireNonNull(policy, "policy");
        this.migration = MigrationSettings.DEFAULTS;
    }

    private DataProductSpec(final DataProductSpec spec, final MigrationSettings migration) {
        this.file = spec.file;
        this.product = spec.product;
        this.changelog = spec.changelog;
        this.checks = spec.checks;
        this.promotion = spec.promotion;
        this.environments = spec.environments;
        this.ephemeral = spec.ephemeral;
        this.policy = spec.policy;
        this.migration = Objects.requireNonNull(migration, "migration");
    }

    /**
     * Returns this spec with other migration settings.
     *
     * @param settings search path, extensions and state schema
     * @return the new spec
     */
    public DataProductSpec withMigration(final MigrationSettings settings) {
        return new DataProductSpec(this, settings);
    }

    /**
     * Returns how the changelog is read (search path, extension jars) and where the product's own tables live.
     *
     * @return the settings
     */
    public MigrationSettings migration() {
        return migration;
    }

    public Path file() {
        return file;
    }

    /**
     * Returns the folder that holds the spec; relative paths in the spec are resolved against it.
     *
     * @return the spec's folder
     */
    public Path baseDir() {
        return file.getParent();
    }

    /**
     * Returns the state folder ({@code .dataops/} beside the spec): ledger, embedded databases, locks.
     *
     * @return the state folder (may not exist yet)
     */
    public Path stateDir() {
        return baseDir().resolve(STATE_FOLDER);
    }

    public String product() {
        return product;
    }

    public Path changelog() {
        return changelog;
    }

    public Path checks() {
        return checks;
    }

    public List<String> promotion() {
        return promotion;
    }

    public Map<String, EnvironmentSpec> environments() {
        return environments;
    }

    public Optional<EnvironmentSpec> ephemeral() {
        return Optional.ofNullable(ephemeral);
    }

    public SpecPolicy policy() {
        return policy;
    }

    /**
     * Returns a declared environment.
     *
     * @param name the environment name
     * @return the environment
     * @throws InvalidInputException naming the known environments when there is none of that name
     */
    public EnvironmentSpec environment(final String name) {
        EnvironmentSpec environment = environments.get(name);
        if (environment == null) {
            throw new InvalidInputException("Environment '%s' is not declared in '%s'; declared: %s."
                    .formatted(name, file, environments.keySet()));
        }
        return environment;
    }
}
