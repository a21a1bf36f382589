package io.jenkins.plugins.dataops.engine.quality;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reports built by hand, for the writer and report tests. */
final class ReportFixtures {
    private ReportFixtures() {}

    static DataTestReport report() {
        Map<String, String> row = new LinkedHashMap<>();
        row.put("id", "6");
        row.put("email", "ada@example.com <\"&'>");
        row.put("segment", null);
        row.put("note", "bell\u0007here");
        CheckResult pass = base("customer", "customer", "not_null_email", CheckType.NOT_NULL)
                .status(CheckStatus.PASS)
                .observed("0 failing rows of 6")
                .message("No failing row in 6 rows.")
                .durationMillis(12)
                .build();
        CheckResult fail = base("customer", "customer", "unique_email", CheckType.UNIQUE)
                .status(CheckStatus.FAIL)
                .observed("1 failing row of 6")
                .failingRows(1)
                .sample(List.of(row))
                .message("1 row duplicating another in 'email'; allowed <= 0.")
                .durationMillis(7)
                .build();
        CheckResult warn = base("customer", "customer", "points", CheckType.RANGE)
                .severity(Severity.WARN)
                .status(CheckStatus.WARN)
                .observed("1 failing row of 6")
                .failingRows(1)
                .message("1 row with 'loyalty_points' outside [0, 100]; allowed <= 0.")
                .durationMillis(3)
                .build();
        CheckResult error = base("orders", "orders", "bad_filter", CheckType.NOT_NULL)
                .status(CheckStatus.ERROR)
                .observed("not evaluated")
                .message("The database rejected the query of check 'bad_filter': syntax.")
                .build();
        return new DataTestReport(
                "qat",
                List.of(pass, fail, warn, error),
                2,
                1,
                "ab".repeat(32),
                Instant.parse("2024-01-10T12:00:00.123Z"),
                1234);
    }

    private static CheckResultBuilder base(
            final String suite, final String table, final String name, final CheckType type) {
        return new CheckResultBuilder()
                .suite(suite)
                .table(table)
                .name(name)
                .type(type)
                .severity(Severity.ERROR)
                .threshold("<= 0 failing rows")
                .checkedRows(6);
    }
}
