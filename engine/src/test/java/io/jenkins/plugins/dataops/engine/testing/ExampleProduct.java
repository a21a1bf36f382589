package io.jenkins.plugins.dataops.engine.testing;

import io.jenkins.plugins.dataops.engine.DataOps;
import io.jenkins.plugins.dataops.engine.Session;
import io.jenkins.plugins.dataops.engine.credentials.MapCredentialsResolver;
import io.jenkins.plugins.dataops.engine.credentials.UsernamePassword;
import io.jenkins.plugins.dataops.engine.governance.Ledger;
import io.jenkins.plugins.dataops.engine.kernel.ProgressListener;
import io.jenkins.plugins.dataops.engine.spec.SpecLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The example data product ({@code examples/customer}) copied into a test folder, on the embedded default or
 * with every environment on the test PostgreSQL server.
 */
public final class ExampleProduct {
    /** The credentials id of the PostgreSQL admin login in specs written by {@link #onPostgres}. */
    public static final String PG_ADMIN = "pg-admin";

    private final Path dir;

    private ExampleProduct(final Path dir) {
        this.dir = dir;
    }

    /**
     * Copies the example into a folder, environments on H2.
     *
     * @param dir an empty folder
     * @return the product
     */
    public static ExampleProduct onH2(final Path dir) {
        copy("customer", dir);
        return new ExampleProduct(dir);
    }

    /**
     * Copies the example into a folder with every environment as its own database on the test PostgreSQL server.
     *
     * @param dir    an empty folder
     * @param prefix a prefix that makes the databases unique to the test
     * @return the product
     */
    public static ExampleProduct onPostgres(final Path dir, final String prefix) {
        ExampleProduct product = onH2(dir);
        PostgresServer server = PostgresServer.get();
        String spec = product.readSpec()
                .replaceAll(
                        "(?m)^    provider: h2\\n",
                        "    provider: postgres\n    url: " + server.jdbcUrl("postgres") + "\n    credentials: "
                                + PG_ADMIN + "\n");
        List<String> lines = new ArrayList<>();
        String currentEnv = null;
        for (String line : spec.split("\n")) {
            if (line.matches("  [a-z][a-z0-9-]*:")) {
                currentEnv = line.strip().replace(":", "");
            }
            lines.add(line);
            if (line.contains("credentials: " + PG_ADMIN) && currentEnv != null) {
                lines.add("    database: "
                        + (prefix + "_" + currentEnv).toLowerCase().replaceAll("[^a-z0-9_]", "_"));
            }
        }
        product.writeSpec(String.join("\n", lines) + "\n");
        return product;
    }

    public Path dir() {
        return dir;
    }

    public Path spec() {
        return dir.resolve("dataops.yaml");
    }

    /**
     * Opens the engine on the product with a ledger.
     *
     * @param actor  who acts
     * @param ledger the ledger
     * @return the facade
     */
    public DataOps open(final String actor, final Ledger ledger) {
        return open(actor, ledger, Clock.systemUTC());
    }

    /**
     * Opens the engine on the product with a ledger and a clock (e.g. fixed, to let time pass for expiries).
     *
     * @param actor  who acts
     * @param ledger the ledger
     * @param clock  the engine's clock
     * @return the facade
     */
    public DataOps open(final String actor, final Ledger ledger, final Clock clock) {
        return new DataOps(
                SpecLoader.load(spec()),
                new Session(actor, "test", credentials(), ProgressListener.NONE, ledger, clock));
    }

    /**
     * Returns the credentials the product's spec refers to.
     *
     * @return the admin login of the test PostgreSQL server
     */
    public static MapCredentialsResolver credentials() {
        return new MapCredentialsResolver()
                .withLogin(PG_ADMIN, new UsernamePassword(PostgresServer.SUPERUSER, PostgresServer.SUPERUSER_PASSWORD));
    }

    public String readSpec() {
        try {
            return Files.readString(spec());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Replaces the spec.
     *
     * @param text the new spec
     */
    public void writeSpec(final String text) {
        try {
            Files.writeString(spec(), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Copies {@code examples/<name>} into a folder, without any {@code .dataops/} state.
     *
     * @param name   the example
     * @param target an empty folder
     * @return the copied spec file
     */
    public static Path copy(final String name, final Path target) {
        Path source = folder(name);
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.filter(f -> !source.relativize(f).startsWith(".dataops"))
                    .toList()) {
                Path destination = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(destination);
                } else {
                    Files.copy(file, destination);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target.resolve("dataops.yaml");
    }

    /**
     * Copies an example and replaces its spec.
     *
     * @param name   the example
     * @param target an empty folder
     * @param spec   the spec text
     * @return the spec file
     */
    public static Path copyWithSpec(final String name, final Path target, final String spec) {
        Path file = copy(name, target);
        try {
            return Files.writeString(file, spec);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Finds {@code examples/<name>} from the working directory or one of its parents.
     *
     * @param name the example
     * @return its folder
     */
    public static Path folder(final String name) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("examples").resolve(name);
            if (Files.isRegularFile(candidate.resolve("dataops.yaml"))) {
                return candidate;
            }
        }
        throw new IllegalStateException(
                "examples/" + name + " not found above " + Path.of("").toAbsolutePath());
    }
}
