package io.jenkins.plugins.dataops.engine;

import io.jenkins.plugins.dataops.engine.governance.JsonLinesLedger;
import io.jenkins.plugins.dataops.engine.governance.LedgerVerification;
import io.jenkins.plugins.dataops.engine.governance.metrics.DeliveryMetricsCalculator;
import io.jenkins.plugins.dataops.engine.governance.metrics.MetricsScope;
import io.jenkins.plugins.dataops.engine.governance.report.RecordSource;
import io.jenkins.plugins.dataops.engine.governance.report.ReportOptions;
import io.jenkins.plugins.dataops.engine.spec.DataProductSpec;
import java.io.IOException;
import java.util.Set;

/**
 * The ledger for {@link DataOps}: its governance report (HTML, CSV or JSON, streamed), its verification and its
 * delivery metrics.
 */
final class LedgerReports {
    private final DataProductSpec spec;
    private final Session session;
    private final Provisioning provisioning;

    LedgerReports(final DataProductSpec spec, final Session session, final Provisioning provisioning) {
        this.spec = spec;
        this.session = session;
        this.provisioning = provisioning;
    }

    WriteReportResult writeReport(final WriteReportRequest request) throws IOException {
        LedgerVerification verification = session.ledger().verify();
        ReportOptions options = ReportOptions.titled("Governance report: " + spec.product())
                .withVerification(verification)
                .withPromotionPath(spec.product(), spec.promotion())
                .withGeneratedAt(session.clock().instant())
                .withFilter(request.filter());
        request.format().write(recordsToShow(verification), options, request.out());
        return new WriteReportResult(request.format(), verification);
    }

    /** A broken ledger file may hold lines that cannot be read; the report renders what can be, flagged. */
    private RecordSource recordsToShow(final LedgerVerification verification) {
        if (!verification.intact() && session.ledger() instanceof JsonLinesLedger file) {
            return RecordSource.readableLines(file.file());
        }
        return RecordSource.of(session.ledger());
    }

    VerifyLedgerResult verifyLedger(final VerifyLedgerRequest request) {
        LedgerVerification chain = session.ledger().verify();
        return new VerifyLedgerResult(chain, new LedgerAnchors(spec, session, provisioning).check());
    }

    MetricsResult metrics(final MetricsRequest request) {
        LedgerVerification verification = session.ledger().verify();
        MetricsScope scope = MetricsScope.all()
                .withPromotionPath(spec.product(), spec.promotion())
                .withEnvironments(Set.copyOf(request.environments()))
                .untrustedFrom(verification.intact() ? Long.MAX_VALUE : verification.firstBroken());
        if (request.since().isPresent()) {
            scope = scope.since(request.since().get().toEpochMilli());
        }
        DeliveryMetricsCalculator calculator = new DeliveryMetricsCalculator(scope);
        recordsToShow(verification).forEach(calculator);
        return new MetricsResult(calculator.result(), verification);
    }
}
