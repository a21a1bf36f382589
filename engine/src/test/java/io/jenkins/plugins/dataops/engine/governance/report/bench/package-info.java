/** The report benchmark and its synthetic ledger (see docs/benchmarks.md); not part of the test suite. */
@NullMarked
package io.jenkins.plugins.dataops.engine.governance.report.bench;

import org.jspecify.annotations.NullMarked;
