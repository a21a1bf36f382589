package io.jenkins.plugins.dataops.engine.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
    void shouldMatchTypeNamesAcrossDialects() {
        assertThat(TypeNames.matches("BIGINT", new ColumnInfo("id", Types.BIGINT, "int8")))
                .isTrue();
        assertThat(TypeNames.matches("int", new ColumnInfo("n", Types.INTEGER, "int4")))
                .isTrue();
        assertThat(TypeNames.matches("VARCHAR(200)", new ColumnInfo("e", Types.VARCHAR, "CHARACTER VARYING")))
                .isTrue();
        assertThat(TypeNames.matches("CHAR", new ColumnInfo("c", Types.CHAR, "bpchar")))
                .isTrue();
        assertThat(TypeNames.matches("DECIMAL", new ColumnInfo("a", Types.NUMERIC, "numeric")))
                .isTrue();
        assertThat(TypeNames.matches("TIMESTAMP", new ColumnInfo("t", Types.TIMESTAMP, "datetime2")))
                .isTrue();
        assertThat(TypeNames.matches("BOOLEAN", new ColumnInfo("b", Types.BIT, "bool")))
                .isTrue();
        assertThat(TypeNames.matches("INTEGER", new ColumnInfo("id", Types.BIGINT, "int8")))
                .isFalse();
        assertThat(TypeNames.matches("VARCHAR", new ColumnInfo("t", Types.TIMESTAMP, "timestamp")))
                .isFalse();
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
                .isEqualTo(java.sql.Timestamp.valueOf("2024-01-31 00:00:00"));
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
}
