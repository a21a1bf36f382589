package io.jenkins.plugins.dataops.engine.provision.h2;

import io.jenkins.plugins.dataops.engine.db.DatabaseTarget;
import io.jenkins.plugins.dataops.engine.kernel.DataOpsException;
import io.jenkins.plugins.dataops.engine.kernel.OperationRefusedException;
import io.jenkins.plugins.dataops.engine.kernel.StatePaths;
import io.jenkins.plugins.dataops.engine.provision.ChangeAction;
import io.jenkins.plugins.dataops.engine.provision.EphemeralMarks;
import io.jenkins.plugins.dataops.engine.provision.EphemeralRegistry;
import io.jenkins.plugins.dataops.engine.provision.Provisioner;
import io.jenkins.plugins.dataops.engine.provision.ProvisioningContext;
import io.jenkins.plugins.dataops.engine.provision.ProvisioningPlan;
import io.jenkins.plugins.dataops.engine.provision.ResourceChange;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The embedded default: each environment is one H2 database file, {@code .dataops/h2/<env>.mv.db} beside the
 * spec. Creating it is opening it once; destroying it is deleting the file. The target URL carries
 * {@code IFEXISTS=TRUE}, so a migration never creates an environment that was not provisioned, and
 * {@code AUTO_SERVER=TRUE}, so several processes (two CLI runs, two builds on one agent) can use one environment:
 * the first opener serves the others over a loopback socket.
 */
public final class H2Provisioner implements Provisioner {
    static {
        // H2's automatic server listens on the machine's address unless told otherwise: keep it on loopback.
        // H2 reads this once, when its first class loads; a value set by the embedding application wins.
        if (System.getProperty("h2.bindAddress") == null) {
            System.setProperty("h2.bindAddress", "127.0.0.1");
        }
    }

    /** The provider name in the spec. */
    public static final String NAME = "h2";

    private static final String USER = "sa";

    @Override
    public String provider() {
        return NAME;
    }

    @Override
    public ProvisioningPlan plan(final ProvisioningContext context) {
        boolean exists = Files.exists(dataFile(context));
        return plan(
                context,
                exists ? ChangeAction.NO_OP : ChangeAction.CREATE,
                exists ? "" : "new file " + relative(context));
    }

    @Override
    public ProvisioningPlan apply(final ProvisioningContext context) {
        refuseLinksOutOfState(context);
        ProvisioningPlan plan = plan(context);
        if (plan.hasChanges()) {
            context.progress()
                    .info("Creating embedded database for environment '%s' at '%s'..."
                            .formatted(context.environment().name(), relative(context)));
            try {
                Files.createDirectories(folder(context));
                try (Connection created =
                        new DatabaseTarget(context.environment().name(), baseUrl(context), USER, "").open()) {
                    // opening the file creates the database; an ephemeral one carries its expiry inside it
                    if (context.expiry().isPresent()) {
                        mark(created, EphemeralMarks.of(context));
                    }
                }
            } catch (IOException | SQLException e) {
                throw new DataOpsException(
                        "Cannot create folder '%s' for environment '%s': %s"
                                .formatted(
                                        folder(context), context.environment().name(), e.getMessage()),
                        e);
            }
        }
        return plan;
    }

    @Override
    public ProvisioningPlan destroy(final ProvisioningContext context) {
        Path file = dataFile(context);
        boolean exists = Files.exists(file);
        if (exists) {
            context.progress()
                    .info("Deleting embedded database of environment '%s' ('%s')..."
                            .formatted(context.environment().name(), relative(context)));
            try {
                Files.delete(file);
                Files.deleteIfExists(
                        folder(context).resolve(context.environment().name() + ".trace.db"));
            } catch (IOException e) {
                throw new DataOpsException(
                        "Cannot delete '%s' of environment '%s' (is it still open?): %s"
                                .formatted(file, context.environment().name(), e.getMessage()),
                        e);
            }
        }
        return plan(context, exists ? ChangeAction.DELETE : ChangeAction.NO_OP, exists ? "" : "already absent");
    }

    /**
     * The database files of the state folder that are not declared environments, each opened to read the mark
     * it carries (a remark on its {@code PUBLIC} schema, written when it was created).
     */
    @Override
    public List<EphemeralRegistry.Entry> findEphemeral(final ProvisioningContext template) {
        Path folder = folder(template);
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        List<EphemeralRegistry.Entry> found = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file :
                    files.filter(H2Provisioner::isDatabaseFile).sorted().toList()) {
                String name = file.getFileName().toString().replace(".mv.db", "");
                if (!template.spec().environments().containsKey(name)) {
                    EphemeralMarks.parse(
                                    readMark(template.withEnvironment(name)),
                                    template.spec().product())
                            .filter(entry -> entry.name().equals(name))
                            .ifPresent(found::add);
                }
            }
        } catch (IOException e) {
            throw new DataOpsException(
                    "Cannot list the embedded databases in '%s': %s".formatted(folder, e.getMessage()), e);
        }
        return found;
    }

    private static boolean isDatabaseFile(final Path file) {
        return file.getFileName().toString().endsWith(".mv.db") && !Files.isSymbolicLink(file);
    }

    private static void mark(final Connection connection, final String mark) throws SQLException {
        try (Statement sql = connection.createStatement()) {
            sql.execute("COMMENT ON SCHEMA PUBLIC IS '" + mark.replace("'", "''") + "'");
        }
    }

    private static String readMark(final ProvisioningContext context) {
        String url = baseUrl(context) + ";IFEXISTS=TRUE";
        try (Connection connection = new DatabaseTarget(context.environment().name(), url, USER, "").open();
                Statement sql = connection.createStatement();
                ResultSet rows = sql.executeQuery(
                        "SELECT REMARKS FROM INFORMATION_SCHEMA.SCHEMATA WHERE SCHEMA_NAME = 'PUBLIC'")) {
            return rows.next() ? rows.getString(1) : null;
        } catch (SQLException e) {
            context.progress()
                    .warn("Cannot read the mark of embedded database '%s'; gc leaves it alone: %s"
                            .formatted(relative(context), e.getMessage()));
            return null;
        }
    }

    @Override
    public DatabaseTarget target(final ProvisioningContext context) {
        refuseLinksOutOfState(context);
        if (!Files.exists(dataFile(context))) {
            throw new OperationRefusedException("Environment '%s' is not provisioned (no '%s'); run 'provision "
                            .formatted(context.environment().name(), relative(context))
                    + "--env "
                    + context.environment().name() + "' first.");
        }
        return new DatabaseTarget(context.environment().name(), baseUrl(context) + ";IFEXISTS=TRUE", USER, "");
    }

    /**
     * Refuses a database file (or its folder) that is a symbolic link: H2 would follow it into whatever database
     * it points at, and migrations, tests and destroys would act on a database that is not this environment's.
     */
    private static void refuseLinksOutOfState(final ProvisioningContext context) {
        for (Path path : List.of(folder(context), dataFile(context))) {
            if (Files.isSymbolicLink(path)) {
                throw new OperationRefusedException(
                        ("The database of environment '%s' ('%s') is a symbolic link; H2 would follow it into "
                                        + "another database. Remove the link and run 'provision --env %s'.")
                                .formatted(
                                        context.environment().name(),
                                        context.spec().baseDir().relativize(path),
                                        context.environment().name()));
            }
        }
    }

    private static ProvisioningPlan plan(
            final ProvisioningContext context, final ChangeAction action, final String detail) {
        return new ProvisioningPlan(
                context.environment().name(),
                NAME,
                List.of(new ResourceChange("database", context.environment().name(), action, detail)));
    }

    private static Path folder(final ProvisioningContext context) {
        return context.spec().stateDir().resolve("h2");
    }

    private static Path dataFile(final ProvisioningContext context) {
        // a linked database file would point the environment at a foreign database
        return StatePaths.contained(
                context.spec().stateDir(),
                folder(context).resolve(context.environment().name() + ".mv.db"));
    }

    private static String relative(final ProvisioningContext context) {
        return context.spec().baseDir().relativize(dataFile(context)).toString();
    }

    private static String baseUrl(final ProvisioningContext context) {
        // Forward slashes keep the URL valid on Windows agents too.
        return "jdbc:h2:file:"
                + folder(context)
                        .resolve(context.environment().name())
                        .toAbsolutePath()
                        .toString()
                        .replace('\\', '/') + ";AUTO_SERVER=TRUE";
    }
}
