/** Benchmarks of migrations: main classes run by hand, never timed tests. */
package io.jenkins.plugins.dataops.engine.migrate.bench;
