/** Benchmarks of the data tests: main classes run by hand, never timed tests. */
@NullMarked
package io.jenkins.plugins.dataops.engine.quality.bench;

import org.jspecify.annotations.NullMarked;
