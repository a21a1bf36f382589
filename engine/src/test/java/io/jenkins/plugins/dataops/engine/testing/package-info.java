/** Test fixtures shared by the engine's and the CLI's tests: a throw-away PostgreSQL server. */
package io.jenkins.plugins.dataops.engine.testing;
