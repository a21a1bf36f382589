package io.jenkins.plugins.dataops.engine.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.dataops.engine.db.Dialect;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The SQL text per dialect; SQL Server has no server here, so its SQL is asserted as text only. */
class SqlCompilerTest {
    private static final ColumnInfo ID = new ColumnInfo("id", Types.BIGINT, "bigint");
    private static final ColumnInfo EMAIL = new ColumnInfo("email", Types.VARCHAR, "varchar");
    private static final ColumnInfo POINTS = new ColumnInfo("points", Types.INTEGER, "int");
    private static final ColumnInfo CREATED = new ColumnInfo("created_at", Types.TIMESTAMP, "datetime2");
    private static final TableInfo CUSTOMER = new TableInfo("customer", List.of(ID, EMAIL, POINTS, CREATED));
    private static final TableInfo ORDERS =
            new TableInfo("orders", List.of(ID, new ColumnInfo("customer_id", Types.BIGINT, "bigint")));
    private static final Instant NOW = Instant.parse("2024-01-10T12:00:00Z");

    private static PlannedCheck planned(final CheckBuilder builder, final ColumnInfo... columns) {
        Check check = builder.build();
        PlannedCheck.Mode mode = check.type() == CheckType.RELATIONSHIPS
                        || check.type() == CheckType.SQL
                        || check.type() == CheckType.UNIQUE
                ? PlannedCheck.Mode.OWN_QUERY
                : PlannedCheck.Mode.AGGREGATE;
        Optional<PlannedCheck.Reference> reference = check.type() == CheckType.RELATIONSHIPS
                ? Optional.of(new PlannedCheck.Reference(CUSTOMER, ID))
                : Optional.empty();
        return new PlannedCheck(check, List.of(columns), reference, mode, "");
    }

    private static List<PlannedCheck> columnChecks() {
        return List.of(
                planned(new CheckBuilder(CheckType.ROW_COUNT).name("rows").min("1")),
                planned(new CheckBuilder(CheckType.NOT_NULL).name("nn").columns(List.of("email")), EMAIL),
                planned(
                        new CheckBuilder(CheckType.UNIQUE)
                                .name("u")
                                .columns(List.of("email"))
                                .where("points > 0"),
                        EMAIL),
                planned(
                        new CheckBuilder(CheckType.ACCEPTED_VALUES)
                                .name("av")
                                .columns(List.of("points"))
                                .values(List.of("1", "2")),
                        POINTS),
                planned(
                        new CheckBuilder(CheckType.RANGE)
                                .name("r")
                                .columns(List.of("created_at"))
                                .min("2020-01-01")
                                .max("now")
                                .where("points > 0")
                                .threshold(Threshold.parse("1%")),
                        CREATED),
                planned(
                        new CheckBuilder(CheckType.FRESHNESS)
                                .name("f")
                                .columns(List.of("created_at"))
                                .maxAge(Duration.ofHours(1)),
                        CREATED));
    }

    @Test
    void shouldCompileAllColumnChecksOfATableIntoOneSqlServerQuery() {
        // Given six column checks
        List<PlannedCheck> checks = columnChecks();

        // When they are compiled for SQL Server
        CompiledQuery query = new SqlCompiler(Dialect.SQLSERVER, NOW).aggregate(CUSTOMER, checks);

        // Then it is one SELECT with COUNT_BIG and CASE (SQL Server has no FILTER clause), values bound
        assertThat(query.sql())
                .isEqualTo("SELECT COUNT_BIG(*), COUNT_BIG(*), "
                        + "COUNT_BIG(CASE WHEN [email] IS NULL THEN 1 END), "
                        + "COUNT_BIG(CASE WHEN points > 0 THEN 1 END), "
                        + "COUNT_BIG(CASE WHEN [points] IS NOT NULL AND [points] NOT IN (?, ?) THEN 1 END), "
                        + "COUNT_BIG(CASE WHEN (points > 0) AND ([created_at] IS NOT NULL AND ([created_at] < ? OR [created_at] > ?)) THEN 1 END), "
                        + "COUNT_BIG(CASE WHEN points > 0 THEN 1 END), "
                        + "MAX([created_at]) FROM [customer]");
        assertThat(query.binds()).hasSize(4);
        assertThat(query.binds().get(0))
                .as("integer column: bound as a long, no per-row cast")
                .isEqualTo(1L);
        assertThat(query.binds().get(2))
                .as("a date-only bound is an SQL DATE")
                .isEqualTo(java.time.LocalDate.of(2020, 1, 1));
        assertThat(query.slots().get(checks.get(2)))
                .as("a duplicate count has its own query: only its filter's row count is here")
                .isEqualTo(new CompiledQuery.Slot(0, 4));
        assertThat(query.slots().get(checks.get(1))).isEqualTo(new CompiledQuery.Slot(3, 1));
    }

    @Test
    void shouldUseFilterClausesOnPostgresAndH2() {
        // When the same checks are compiled for PostgreSQL
        String sql = new SqlCompiler(Dialect.POSTGRES, NOW)
                .aggregate(CUSTOMER, columnChecks())
                .sql();

        // Then aggregates use FILTER (WHERE ...)
        assertThat(sql)
                .isEqualTo("SELECT COUNT(*), COUNT(*), COUNT(*) FILTER (WHERE \"email\" IS NULL), "
                        + "COUNT(*) FILTER (WHERE points > 0), "
                        + "COUNT(*) FILTER (WHERE \"points\" IS NOT NULL AND \"points\" NOT IN (?, ?)), "
                        + "COUNT(*) FILTER (WHERE (points > 0) AND (\"created_at\" IS NOT NULL AND (\"created_at\" < ? OR \"created_at\" > ?))), "
                        + "COUNT(*) FILTER (WHERE points > 0), "
                        + "MAX(\"created_at\") FROM \"customer\"");
        assertThat(new SqlCompiler(Dialect.H2, NOW)
                        .aggregate(CUSTOMER, columnChecks())
                        .sql())
                .isEqualTo(sql);
    }

    @Test
    void shouldCompileOwnQueriesAndSamplesForSqlServer() {
        // Given checks that need their own query
        SqlCompiler compiler = new SqlCompiler(Dialect.SQLSERVER, NOW);
        PlannedCheck composite =
                planned(new CheckBuilder(CheckType.UNIQUE).name("c").columns(List.of("id", "email")), ID, EMAIL);
        PlannedCheck relationship = planned(
                new CheckBuilder(CheckType.RELATIONSHIPS)
                        .name("rel")
                        .columns(List.of("customer_id"))
                        .references("customer", "id"),
                ORDERS.columns().get(1));
        PlannedCheck custom = planned(new CheckBuilder(CheckType.SQL).name("s").query("SELECT id FROM orders"));
        PlannedCheck notNull = columnChecks().get(1);

        // Then each is one SELECT; samples use TOP
        assertThat(compiler.own(CUSTOMER, composite).sql())
                .isEqualTo("SELECT COALESCE(SUM(n - 1), 0) FROM "
                        + "(SELECT COUNT_BIG(*) AS n FROM [customer] WHERE [id] IS NOT NULL AND [email] IS NOT NULL "
                        + "GROUP BY [id], [email] HAVING COUNT_BIG(*) > 1) d");
        assertThat(compiler.own(ORDERS, relationship).sql())
                .isEqualTo(
                        "SELECT COUNT_BIG(*) FROM [orders] t WHERE "
                                + "t.[customer_id] IS NOT NULL AND NOT EXISTS (SELECT 1 FROM [customer] r WHERE r.[id] = t.[customer_id])");
        assertThat(compiler.own(ORDERS, custom).sql()).isEqualTo("SELECT COUNT_BIG(*) FROM (SELECT id FROM orders) q");
        assertThat(compiler.sample(CUSTOMER, notNull, 5, Optional.empty()).sql())
                .isEqualTo("SELECT TOP (5) * FROM [customer] WHERE [email] IS NULL");
        assertThat(compiler.sample(CUSTOMER, composite, 3, Optional.empty()).sql())
                .isEqualTo("SELECT TOP (3) [id], [email], "
                        + "COUNT_BIG(*) AS duplicates FROM [customer] WHERE [id] IS NOT NULL AND [email] IS NOT NULL "
                        + "GROUP BY [id], [email] HAVING COUNT_BIG(*) > 1 ORDER BY COUNT_BIG(*) DESC, [id], [email]");
        assertThat(compiler.sample(ORDERS, relationship, 5, Optional.empty()).sql())
                .startsWith("SELECT TOP (5) t.* FROM [orders] t WHERE");
        assertThat(compiler.sample(ORDERS, custom, 5, Optional.empty()).sql())
                .isEqualTo("SELECT TOP (5) * FROM (SELECT id FROM orders) q");
    }

    @Test
    void shouldLimitSamplesWithFetchFirstOnPostgresAndH2() {
        PlannedCheck notNull = columnChecks().get(1);
        assertThat(new SqlCompiler(Dialect.POSTGRES, NOW)
                        .sample(CUSTOMER, notNull, 5, Optional.empty())
                        .sql())
                .isEqualTo("SELECT * FROM \"customer\" WHERE \"email\" IS NULL FETCH FIRST 5 ROWS ONLY");
    }

    @Test
    void shouldWriteRegexPredicatesPerDialectAndRefuseThemOnSqlServer() {
        // Given a pattern check
        PlannedCheck pattern = planned(
                new CheckBuilder(CheckType.PATTERN)
                        .name("p")
                        .columns(List.of("email"))
                        .regex("^a"),
                EMAIL);

        // Then PostgreSQL uses ~, H2 REGEXP_LIKE, and SQL Server has none
        assertThat(new SqlCompiler(Dialect.POSTGRES, NOW)
                        .aggregate(CUSTOMER, List.of(pattern))
                        .sql())
                .contains("COUNT(*) FILTER (WHERE \"email\" IS NOT NULL AND NOT (\"email\" ~ ?))");
        assertThat(new SqlCompiler(Dialect.H2, NOW)
                        .aggregate(CUSTOMER, List.of(pattern))
                        .sql())
                .contains("NOT (REGEXP_LIKE(\"email\", ?))");
        assertThat(Dialect.SQLSERVER.supportsRegex()).isFalse();
        assertThatThrownBy(() -> new SqlCompiler(Dialect.SQLSERVER, NOW).aggregate(CUSTOMER, List.of(pattern)))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("no regular expressions");
    }

    @Test
    void shouldQuoteEvenRealNamesWithQuoteCharactersSafely() {
        // Given a real (created by someone) column whose name holds quote characters
        ColumnInfo odd = new ColumnInfo("x\" OR 1=1 --]", Types.VARCHAR, "varchar");
        TableInfo table = new TableInfo("t]", List.of(odd));
        PlannedCheck check =
                planned(new CheckBuilder(CheckType.NOT_NULL).name("n").columns(List.of(odd.name())), odd);

        // Then the dialect doubles the quote character, so the name stays one identifier
        assertThat(new SqlCompiler(Dialect.POSTGRES, NOW)
                        .aggregate(table, List.of(check))
                        .sql())
                .isEqualTo("SELECT COUNT(*), COUNT(*) FILTER (WHERE \"x\"\" OR 1=1 --]\" IS NULL) FROM \"t]\"");
        assertThat(new SqlCompiler(Dialect.SQLSERVER, NOW)
                        .aggregate(table, List.of(check))
                        .sql())
                .isEqualTo("SELECT COUNT_BIG(*), COUNT_BIG(CASE WHEN [x\" OR 1=1 --]]] IS NULL THEN 1 END) FROM [t]]]");
    }
}
