/**
 * Delivery metrics of data products, computed from the governance ledger's outcome records: deployment frequency,
 * lead time along the promotion path, change failure rate, time to restore and the data-test pass rate, per
 * product and environment. Reads records only; never writes the ledger.
 */
@NullMarked
package io.jenkins.plugins.dataops.engine.governance.metrics;

import org.jspecify.annotations.NullMarked;
