package io.jenkins.plugins.dataops.engine.quality;

import java.util.List;
import java.util.Optional;

/**
 * A check whose identifiers were matched against the live schema, with how it will be executed.
 *
 * @param check       the check as written
 * @param columns     its columns, resolved (empty for row_count, schema, sql)
 * @param reference   the referenced table and column of a relationships check
 * @param mode        how it runs
 * @param unsupported why it cannot run on this database (mode {@link Mode#UNSUPPORTED}), else empty
 */
record PlannedCheck(
        Check check, List<ColumnInfo> columns, Optional<Reference> reference, Mode mode, String unsupported) {
    PlannedCheck {
        columns = List.copyOf(columns);
    }

    /** How a check is executed. */
    enum Mode {
        /** Folded into the one aggregate query of its table, which PostgreSQL can run with parallel workers. */
        AGGREGATE,
        /** Needs a query of its own (unique, relationships, sql): it would stop the scan from running in parallel. */
        OWN_QUERY,
        /** Read from JDBC metadata (schema). */
        METADATA,
        /** Cannot run on this database; reported as an error result. */
        UNSUPPORTED
    }

    /**
     * The referenced side of a relationships check.
     *
     * @param table  the referenced table
     * @param column the referenced column
     */
    record Reference(TableInfo table, ColumnInfo column) {}

    ColumnInfo column() {
        return columns.get(0);
    }

    boolean hasWhere() {
        return !check.where().isEmpty();
    }
}
