/**
 * The governance report: a self-contained HTML page or an embeddable HTML fragment (for the Jenkins plugin) with
 * a release timeline, a filterable record table and the evidence of each record, plus streamed CSV and JSON
 * exports. Everything reads a {@link io.jenkins.plugins.dataops.engine.governance.report.RecordSource} in one or
 * two passes and never holds all records in memory.
 */
@NullMarked
package io.jenkins.plugins.dataops.engine.governance.report;

import org.jspecify.annotations.NullMarked;
