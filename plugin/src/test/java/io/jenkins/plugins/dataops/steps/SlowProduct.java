package io.jenkins.plugins.dataops.steps;

import hudson.FilePath;
import java.nio.charset.StandardCharsets;

/**
 * A data product on embedded H2 whose second changeset runs for ten minutes (an H2 alias for
 * {@code Thread.sleep}) or until the test opens a gate, so that a test can restart Jenkins or abort the build
 * while a migration is applied.
 */
final class SlowProduct {
    /** The console line Liquibase prints when the slow changeset starts. */
    static final String SLOW_CHANGESET_RUNS = "Running Changeset: changelog.yaml::2-sleep::faults";

    private SlowProduct() {}

    static void writeTo(final FilePath workspace) throws Exception {
        write(workspace, "CALL SLEEP(600000)", "CREATE ALIAS SLEEP FOR 'java.lang.Thread.sleep'", "DROP ALIAS SLEEP");
    }

    /**
     * Writes the product with a second changeset that waits at {@link MigrationGate} until the test opens it (H2
     * runs in the controller's JVM on the built-in node under JenkinsRule).
     *
     * @param workspace the workspace
     * @throws Exception when a file cannot be written
     */
    static void writeGatedTo(final FilePath workspace) throws Exception {
        write(
                workspace,
                "CALL GATE()",
                "CREATE ALIAS GATE FOR '" + MigrationGate.class.getName() + ".pass'",
                "DROP ALIAS GATE");
    }

    private static void write(final FilePath workspace, final String slow, final String alias, final String drop)
            throws Exception {
        workspace.child("dataops.yaml").write("""
                product: slow
                changelog: changelog.yaml
                promotion: [dev]
                environments:
                  dev: { provider: h2 }
                """, StandardCharsets.UTF_8.name());
        workspace.child("changelog.yaml").write("""
                databaseChangeLog:
                  - changeSet:
                      id: 1-sleep-alias
                      author: faults
                      changes:
                        - sql: { sql: "%s" }
                      rollback:
                        - sql: { sql: "%s" }
                  - changeSet:
                      id: 2-sleep
                      author: faults
                      changes:
                        - sql: { sql: "%s" }
                      rollback:
                        - sql: { sql: "SELECT 1" }
                """.formatted(alias, drop, slow), StandardCharsets.UTF_8.name());
    }
}
