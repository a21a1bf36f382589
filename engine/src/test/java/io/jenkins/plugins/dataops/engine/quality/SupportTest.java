package io.jenkins.plugins.dataops.engine.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.dataops.engine.db.Dialect;
import java.sql.Types;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The small helpers: thresholds, type names, duration formatting. */
class SupportTest {
    @Test
    void shouldAllowFailingRowsUpToAnAbsoluteOrRelativeThreshold() {
        assertThat(Threshold.ZERO.allows(0, 10)).isTrue();
        assertThat(Threshold.ZERO.allows(1, 10)).isFalse();
        assertThat(Threshold.parse("5").allows(5, 0)).isTrue();
        assertThat(Threshold.parse("5").allows(6, 1000)).isFalse();
        assertThat(Threshold.parse("1%").allows(10, 1000)).isTrue();
        assertThat(Threshold.parse("1%").allows(11, 1000)).isFalse();
        assertThat(Threshold.parse("0.5 %").allows(1, 200)).isTrue();
        assertThat(Threshold.parse("1%").allows(0, 0)).isTrue();
        assertThat(Threshold.parse("1.50%"))
                .hasToString("1.5%")
                .isEqualTo(Threshold.parse("1.5%"))
                .hasSameHashCodeAs(Threshold.parse("1.5%"));
        assertThat(Threshold.parse("3.0").describe()).isEqualTo("<= 3");
        assertThatThrownBy(() -> Threshold.parse("-1")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldMatchOnlySpellingsOfTheSameTypeInTheDialect() {
        assertThat(TypeNames.matches(Dialect.POSTGRES, "BIGINT", new ColumnInfo("id", Types.BIGINT, "int8")))
                .isTrue();
        assertThat(TypeNames.matches(Dialect.POSTGRES, "int", new ColumnInfo("n", Types.INTEGER, "int4")))
                .isTrue();
        assertThat(TypeNames.matches(Dialect.POSTGRES, "CHAR", new ColumnInfo("c", Types.CHAR, "bpchar")))
                .isTrue();
        assertThat(TypeNames.matches(Dialect.POSTGRES, "DECIMAL", new ColumnInfo("a", Types.NUMERIC, "numeric")))
                .isTrue();
        assertThat(TypeNames.matches(Dialect.POSTGRES, "BOOLEAN", new ColumnInfo("b", Types.BIT, "bool")))
                .isTrue();
        assertThat(TypeNames.matches(Dialect.SQLSERVER, "datetime2", new ColumnInfo("t", Types.TIMESTAMP, "datetime2")))
                .isTrue();
        assertThat(TypeNames.matches(Dialect.SQLSERVER, "INT", new ColumnInfo("i", Types.INTEGER, "int identity")))
                .isTrue();
        assertThat(TypeNames.matches(Dialect.POSTGRES, "INTEGER", new ColumnInfo("id", Types.BIGINT, "int8")))
                .isFalse();
        assertThat(TypeNames.matches(Dialect.POSTGRES, "VARCHAR", new ColumnInfo("t", Types.TIMESTAMP, "timestamp")))
                .isFalse();
    }

    @Test
    void shouldTellTimeZonesTextAndBitApart() {
        assertThat(TypeNames.matches(
                        Dialect.POSTGRES, "TIMESTAMP", new ColumnInfo("t", Types.TIMESTAMP, "timestamptz")))
                .isFalse();
        assertThat(TypeNames.matches(Dialect.POSTGRES, "VARCHAR", new ColumnInfo("t", Types.VARCHAR, "text")))
                .isFalse();
        assertThat(TypeNames.matches(Dialect.POSTGRES, "TEXT", new ColumnInfo("t", Types.VARCHAR, "varchar")))
                .isFalse();
        assertThat(TypeNames.matches(Dialect.POSTGRES, "BOOLEAN", new ColumnInfo("b", Types.BIT, "bit")))
                .isFalse();
        assertThat(TypeNames.matches(Dialect.SQLSERVER, "BOOLEAN", new ColumnInfo("b", Types.BIT, "bit")))
                .isFalse();
        assertThat(TypeNames.matches(
                        Dialect.H2, "TIMESTAMP WITH TIME ZONE", new ColumnInfo("t", Types.TIMESTAMP, "TIMESTAMP")))
                .isFalse();
    }

    @Test
    void shouldCompareLengthAndPrecisionWhenGiven() {
        ColumnInfo email = new ColumnInfo("e", Types.VARCHAR, "CHARACTER VARYING", 200, 0, "");
        ColumnInfo amount = new ColumnInfo("a", Types.NUMERIC, "NUMERIC", 12, 2, "");
        assertThat(TypeNames.matches(Dialect.H2, "VARCHAR(200)", email)).isTrue();
        assertThat(TypeNames.matches(Dialect.H2, "VARCHAR", email)).isTrue();
        assertThat(TypeNames.matches(Dialect.H2, "VARCHAR(100)", email)).isFalse();
        assertThat(TypeNames.matches(Dialect.H2, "DECIMAL(12,2)", amount)).isTrue();
        assertThat(TypeNames.matches(Dialect.H2, "DECIMAL(12, 3)", amount)).isFalse();
        assertThat(TypeNames.matches(Dialect.H2, "DECIMAL(12)", amount)).isTrue();
    }

    @Test
    void shouldTreatEnumsAsNotText() {
        assertThat(new ColumnInfo("mood", Types.VARCHAR, "mood").isText()).isFalse();
        assertThat(new ColumnInfo("name", Types.VARCHAR, "text").isText()).isTrue();
        assertThat(new ColumnInfo("code", Types.VARCHAR, "code", 0, 0, "code").describeType())
                .isEqualTo("domain code over VARCHAR");
    }

    @Test
    void shouldBindValuesInTheTypeOfTheirColumn() {
        java.time.Instant now = java.time.Instant.EPOCH;
        assertThat(BindValues.of(new ColumnInfo("n", Types.INTEGER, "int4"), "10", now))
                .isEqualTo(10L);
        assertThat(BindValues.of(new ColumnInfo("n", Types.INTEGER, "int4"), "0.5", now))
                .isEqualTo(new java.math.BigDecimal("0.5"));
        assertThat(BindValues.of(new ColumnInfo("a", Types.NUMERIC, "numeric"), "1.50", now))
                .isEqualTo(new java.math.BigDecimal("1.50"));
        assertThat(BindValues.of(new ColumnInfo("d", Types.DOUBLE, "float8"), "2", now))
                .isEqualTo(2.0);
        assertThat(BindValues.of(new ColumnInfo("b", Types.BOOLEAN, "bool"), "TRUE", now))
                .isEqualTo(true);
        assertThat(BindValues.of(new ColumnInfo("t", Types.TIMESTAMP, "timestamp"), "2024-01-31", now))
                .isEqualTo(java.time.LocalDate.of(2024, 1, 31));
        assertThat(BindValues.of(new ColumnInfo("t", Types.TIMESTAMP, "timestamp"), "2024-01-31T06:00:00", now))
                .isEqualTo(java.time.LocalDateTime.of(2024, 1, 31, 6, 0));
        assertThat(BindValues.of(new ColumnInfo("t", Types.TIMESTAMP, "timestamp"), "2024-01-31T06:00:00+02:00", now))
                .isEqualTo(java.time.LocalDateTime.of(2024, 1, 31, 4, 0));
        assertThat(BindValues.of(new ColumnInfo("z", Types.TIMESTAMP, "timestamptz"), "2024-01-31T06:00:00", now))
                .isEqualTo(java.time.OffsetDateTime.of(2024, 1, 31, 6, 0, 0, 0, java.time.ZoneOffset.UTC));
        assertThat(BindValues.of(new ColumnInfo("s", Types.CHAR, "bpchar"), "GB", now))
                .isEqualTo("GB");
        assertThatThrownBy(() -> BindValues.of(new ColumnInfo("b", Types.BOOLEAN, "bool"), "yes", now))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not true or false");
    }

    @Test
    void shouldFormatDurationsTheWaySuitesWriteThem() {
        assertThat(CheckEvaluator.format(Duration.ofHours(26).plusMinutes(5))).isEqualTo("1d 2h 5m");
        assertThat(CheckEvaluator.format(Duration.ZERO)).isEqualTo("0s");
    }

    @Test
    void shouldParseSchemaQualifiedAndQuotedTableNames() {
        assertThat(QualifiedName.parse("orders")).isEqualTo(new QualifiedName("", false, "orders", false));
        assertThat(QualifiedName.parse("sales.orders")).isEqualTo(new QualifiedName("sales", false, "orders", false));
        assertThat(QualifiedName.parse("\"Sales\".\"Or.ders\""))
                .isEqualTo(new QualifiedName("Sales", true, "Or.ders", true));
        assertThat(QualifiedName.parse("a.b.c")).isEqualTo(new QualifiedName("", false, "a.b.c", false));
        assertThat(QualifiedName.parse("\"open")).isEqualTo(new QualifiedName("", false, "\"open", false));
    }
}
