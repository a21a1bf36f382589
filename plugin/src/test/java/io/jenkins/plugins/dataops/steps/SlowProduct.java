package io.jenkins.plugins.dataops.steps;

import hudson.FilePath;
import java.nio.charset.StandardCharsets;

/**
 * A data product on embedded H2 whose second changeset runs for ten minutes (an H2 alias for
 * {@code Thread.sleep}), so that a test can restart Jenkins or lose the agent while a migration is applied.
 */
final class SlowProduct {
    /** The console line Liquibase prints when the slow changeset starts. */
    static final String SLOW_CHANGESET_RUNS = "Running Changeset: changelog.yaml::2-sleep::faults";

    private SlowProduct() {}

    static void writeTo(final FilePath workspace) throws Exception {
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
                        - sql: { sql: "CREATE ALIAS SLEEP FOR 'java.lang.Thread.sleep'" }
                      rollback:
                        - sql: { sql: "DROP ALIAS SLEEP" }
                  - changeSet:
                      id: 2-sleep
                      author: faults
                      changes:
                        - sql: { sql: "CALL SLEEP(600000)" }
                      rollback:
                        - sql: { sql: "CALL SLEEP(1)" }
                """, StandardCharsets.UTF_8.name());
    }
}
