/** Data tests: check suites per table, compiled to as few queries as possible, with JSON and JUnit XML output. */
@NullMarked
package io.jenkins.plugins.dataops.engine.quality;

import org.jspecify.annotations.NullMarked;
