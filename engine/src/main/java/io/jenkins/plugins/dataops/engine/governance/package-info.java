/** Governance: records, the hash-chained ledger and its stores, verification, the HTML report and exports. */
package io.jenkins.plugins.dataops.engine.governance;
