package io.jenkins.plugins.dataops.engine;

import io.jenkins.plugins.dataops.engine.governance.LedgerVerification;
import io.jenkins.plugins.dataops.engine.governance.report.ReportFormat;
import java.util.Objects;

/**
 * What {@link DataOps#writeReport} wrote.
 *
 * @param format       the format written
 * @param verification the ledger's integrity, as the report's banner shows it
 */
public record WriteReportResult(ReportFormat format, LedgerVerification verification) {
    /** Validates the parts. */
    public WriteReportResult {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(verification, "verification");
    }
}
