package io.jenkins.plugins.dataops.engine.provision.postgres;

import io.jenkins.plugins.dataops.engine.db.DatabaseTarget;
import io.jenkins.plugins.dataops.engine.db.SecretScrubber;
import io.jenkins.plugins.dataops.engine.kernel.DataOpsException;
import io.jenkins.plugins.dataops.engine.provision.ChangeAction;
import io.jenkins.plugins.dataops.engine.provision.EphemeralMarks;
import io.jenkins.plugins.dataops.engine.provision.EphemeralRegistry;
import io.jenkins.plugins.dataops.engine.provision.Provisioner;
import io.jenkins.plugins.dataops.engine.provision.ProvisioningContext;
import io.jenkins.plugins.dataops.engine.provision.ProvisioningPlan;
import io.jenkins.plugins.dataops.engine.provision.ResourceChange;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * One database and one role per environment on an existing PostgreSQL server, created through the admin login
 * named by {@code credentials}. What this provider creates carries a {@code dataops-managed} comment; an
 * existing database or role of the same name is adopted (commented {@code dataops-adopted}) and destroy leaves
 * adopted resources in place: it never drops what it did not create.
 */
public final class PostgresProvisioner implements Provisioner {
    /** The provider name in the spec. */
    public static final String NAME = "postgres";

    @Override
    public String provider() {
        return NAME;
    }

    @Override
    public ProvisioningPlan plan(final ProvisioningContext context) {
        PostgresLayout layout = PostgresLayout.of(context);
        try (Connection admin = layout.admin().open()) {
            PostgresCatalog catalog = new PostgresCatalog(admin);
            return new ProvisioningPlan(
                    layout.environment(), NAME, List.of(roleChange(layout, catalog), databaseChange(layout, catalog)));
        } catch (SQLException e) {
            throw failure(layout, "read the state of", e);
        }
    }

    @Override
    public ProvisioningPlan apply(final ProvisioningContext context) {
        PostgresLayout layout = PostgresLayout.of(context);
        ProvisioningPlan plan = plan(context);
        try (Connection admin = layout.admin().open();
                Statement sql = admin.createStatement()) {
            for (ResourceChange change : plan.changes()) {
                for (String statement : statementsFor(change, layout)) {
                    context.progress()
                            .info("PostgreSQL: %s %s '%s'"
                                    .formatted(verb(change.action()), change.type(), change.name()));
                    sql.execute(statement);
                }
            }
        } catch (SQLException e) {
            throw failure(layout, "provision", e);
        }
        return plan;
    }

    @Override
    public ProvisioningPlan destroy(final ProvisioningContext context) {
        PostgresLayout layout = PostgresLayout.of(context);
        List<ResourceChange> changes = new ArrayList<>();
        try (Connection admin = layout.admin().open();
                Statement sql = admin.createStatement()) {
            PostgresCatalog catalog = new PostgresCatalog(admin);
            String dbComment = catalog.databaseComment(layout.database());
            changes.add(removal("database", layout.database(), dbComment));
            if (isManaged(dbComment)) {
                context.progress().info("PostgreSQL: dropping database '%s'".formatted(layout.database()));
                sql.execute("DROP DATABASE " + layout.quote(layout.database()) + " WITH (FORCE)");
            }
            String roleComment = catalog.roleComment(layout.role());
            changes.add(removal("role", layout.role(), roleComment));
            if (isManaged(roleComment)) {
                context.progress().info("PostgreSQL: dropping role '%s'".formatted(layout.role()));
                sql.execute("DROP ROLE " + layout.quote(layout.role()));
            }
        } catch (SQLException e) {
            throw failure(layout, "destroy", e);
        }
        return new ProvisioningPlan(layout.environment(), NAME, changes);
    }

    @Override
    public DatabaseTarget target(final ProvisioningContext context) {
        return PostgresLayout.of(context).target();
    }

    /** The databases of the server whose comment marks them as this product's ephemeral environments. */
    @Override
    public List<EphemeralRegistry.Entry> findEphemeral(final ProvisioningContext template) {
        PostgresLayout layout = PostgresLayout.of(template);
        try (Connection admin = layout.admin().open()) {
            List<EphemeralRegistry.Entry> found = new ArrayList<>();
            for (String comment : new PostgresCatalog(admin).managedDatabaseComments()) {
                EphemeralMarks.parse(comment, template.spec().product()).ifPresent(found::add);
            }
            return found;
        } catch (SQLException e) {
            throw failure(layout, "list the ephemeral environments of", e);
        }
    }

    private static ResourceChange roleChange(final PostgresLayout layout, final PostgresCatalog catalog)
            throws SQLException {
        if (!catalog.roleExists(layout.role())) {
            return new ResourceChange(
                    "role", layout.role(), ChangeAction.CREATE, layout.roleLogin() == null ? "no login" : "login");
        }
        String comment = catalog.roleComment(layout.role());
        if (!isOurs(comment)) {
            return new ResourceChange("role", layout.role(), ChangeAction.UPDATE, "adopt existing role");
        }
        if (layout.roleLogin() != null && !catalog.roleCanLogin(layout.role())) {
            return new ResourceChange("role", layout.role(), ChangeAction.UPDATE, "enable login");
        }
        return new ResourceChange("role", layout.role(), ChangeAction.NO_OP, "");
    }

    private static ResourceChange databaseChange(final PostgresLayout layout, final PostgresCatalog catalog)
            throws SQLException {
        if (!catalog.databaseExists(layout.database())) {
            return new ResourceChange("database", layout.database(), ChangeAction.CREATE, "owner " + layout.role());
        }
        String comment = catalog.databaseComment(layout.database());
        if (!isOurs(comment)) {
            return new ResourceChange("database", layout.database(), ChangeAction.UPDATE, "adopt existing database");
        }
        // An adopted database keeps its owner: handing it to our role would make the role undroppable on destroy.
        String owner = catalog.databaseOwner(layout.database());
        if (isManaged(comment) && !layout.role().equals(owner)) {
            return new ResourceChange(
                    "database", layout.database(), ChangeAction.UPDATE, "owner " + owner + " -> " + layout.role());
        }
        return new ResourceChange("database", layout.database(), ChangeAction.NO_OP, "");
    }

    private static List<String> statementsFor(final ResourceChange change, final PostgresLayout layout) {
        boolean role = "role".equals(change.type());
        String name = layout.quote(change.name());
        String kind = role ? "ROLE " : "DATABASE ";
        return switch (change.action()) {
            case CREATE ->
                role
                        ? List.of("CREATE ROLE " + name + layout.loginClause(), layout.comment(kind, name, "managed"))
                        : List.of(
                                "CREATE DATABASE " + name + " OWNER " + layout.quote(layout.role()),
                                layout.comment(kind, name, "managed"));
            case UPDATE ->
                switch (change.detail()) {
                    case "adopt existing role", "adopt existing database" ->
                        List.of(layout.comment(kind, name, "adopted"));
                    case "enable login" -> List.of("ALTER ROLE " + name + layout.loginClause());
                    default -> List.of("ALTER DATABASE " + name + " OWNER TO " + layout.quote(layout.role()));
                };
            case NO_OP, DELETE -> List.of();
        };
    }

    private static ResourceChange removal(final String type, final String name, final String comment) {
        if (comment == null) {
            return new ResourceChange(type, name, ChangeAction.NO_OP, "already absent");
        }
        return isManaged(comment)
                ? new ResourceChange(type, name, ChangeAction.DELETE, "")
                : new ResourceChange(type, name, ChangeAction.NO_OP, "not created by DataOps: left in place");
    }

    private static boolean isManaged(final String comment) {
        return comment != null && comment.startsWith(PostgresLayout.MANAGED);
    }

    private static boolean isOurs(final String comment) {
        return comment != null && comment.startsWith("dataops-");
    }

    private static String verb(final ChangeAction action) {
        return action == ChangeAction.CREATE ? "creating" : "updating";
    }

    private static DataOpsException failure(final PostgresLayout layout, final String what, final SQLException e) {
        return new DataOpsException(
                "Cannot %s environment '%s' on PostgreSQL server '%s': %s"
                        .formatted(
                                what,
                                layout.environment(),
                                SecretScrubber.url(layout.admin().jdbcUrl()),
                                SecretScrubber.scrub(
                                        SecretScrubber.scrub(
                                                e.getMessage(), layout.admin().password()),
                                        layout.roleLogin() == null
                                                ? null
                                                : layout.roleLogin().password())),
                e);
    }
}
