package io.jenkins.plugins.dataops.engine.migrate.liquibase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.jenkins.plugins.dataops.engine.migrate.SchemaChange;
import io.jenkins.plugins.dataops.engine.migrate.SchemaChange.Kind;
import org.junit.jupiter.api.Test;

/** The raw SQL forms the impact analysis recognises, and the ones it must not mistake for drops. */
class SchemaChangeReaderTest {
    @Test
    void shouldRecogniseTheCommonAlterTableForms() {
        String sql = "ALTER TABLE customer DROP COLUMN nickname;\n"
                + "alter table public.\"orders\" rename column currency to currency_code;\n"
                + "ALTER TABLE IF EXISTS customer RENAME TO client; ALTER TABLE client DROP points";

        assertThat(SchemaChangeReader.readSql("k", sql))
                .extracting(SchemaChange::kind, SchemaChange::table, SchemaChange::column, SchemaChange::newName)
                .containsExactly(
                        tuple(Kind.DROP_COLUMN, "customer", "nickname", ""),
                        tuple(Kind.RENAME_COLUMN, "orders", "currency", "currency_code"),
                        tuple(Kind.RENAME_TABLE, "customer", "", "client"),
                        tuple(Kind.DROP_COLUMN, "client", "points", ""));
    }

    @Test
    void shouldRecogniseDroppedTablesAndViews() {
        assertThat(SchemaChangeReader.readSql("k", "DROP VIEW IF EXISTS active_customers; drop table legacy"))
                .extracting(SchemaChange::kind, SchemaChange::table)
                .containsExactly(tuple(Kind.DROP_VIEW, "active_customers"), tuple(Kind.DROP_TABLE, "legacy"));
    }

    @Test
    void shouldNotMistakeConstraintsDefaultsOrDataChangesForDroppedColumns() {
        String sql = "ALTER TABLE customer DROP CONSTRAINT uq_email; ALTER TABLE customer ALTER COLUMN status DROP "
                + "DEFAULT; ALTER TABLE customer DROP PRIMARY KEY; ALTER TABLE customer RENAME CONSTRAINT a TO b; "
                + "UPDATE customer SET note = 'ALTER TABLE x DROP COLUMN y'; DELETE FROM customer";

        assertThat(SchemaChangeReader.readSql("k", sql)).isEmpty();
    }
}
