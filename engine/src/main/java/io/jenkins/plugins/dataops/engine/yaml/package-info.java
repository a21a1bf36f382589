/**
 * What every YAML reader of the engine shares: the collector of problems with their lines, so one run reports
 * every mistake of a file at once. The spec loader and the check suites keep their own typed readers and wording.
 */
@NullMarked
package io.jenkins.plugins.dataops.engine.yaml;

import org.jspecify.annotations.NullMarked;
