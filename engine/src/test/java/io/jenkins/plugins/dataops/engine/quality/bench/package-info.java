/** Benchmarks of the data tests: main classes run by hand, never timed tests. */
package io.jenkins.plugins.dataops.engine.quality.bench;
