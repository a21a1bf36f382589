/** Governance: records, the hash-chained ledger and its stores, verification, the HTML report and exports. */
@NullMarked
package io.jenkins.plugins.dataops.engine.governance;

import org.jspecify.annotations.NullMarked;
