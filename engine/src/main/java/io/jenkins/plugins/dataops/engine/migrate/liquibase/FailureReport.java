package io.jenkins.plugins.dataops.engine.migrate.liquibase;

import io.jenkins.plugins.dataops.engine.db.Dialect;

/** Says what stayed after a failed changeset, which depends on whether the dialect's DDL is transactional. */
final class FailureReport {
    private FailureReport() {}

    static String whatStayed(final Dialect dialect, final FailureWatch watch) {
        if (!FailureWatch.ddlAutoCommits(dialect)) {
            return "The database rolled the failing changeset back whole and the changesets before it stay applied; "
                    + "fix the changelog and run again.";
        }
        if (!watch.snapshotError().isEmpty()) {
            return "It may have left objects behind (%s commits DDL at once; the schema could not be read: %s); "
                            .formatted(dialect, watch.snapshotError())
                    + "the changesets before it stay applied. Check the schema, fix the changelog and run again.";
        }
        if (watch.leftovers().isEmpty()) {
            return "It left nothing behind and the changesets before it stay applied; fix the changelog and run again.";
        }
        return ("It left %d object(s) behind, because %s commits DDL at once: %s; the changesets before it stay "
                        + "applied. Drop those objects (status lists them as drift), fix the changelog and run again.")
                .formatted(watch.leftovers().size(), dialect, String.join(", ", watch.leftovers()));
    }
}
