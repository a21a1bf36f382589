/** Test fixtures shared by the engine's and the CLI's tests: a throw-away PostgreSQL server. */
@NullMarked
package io.jenkins.plugins.dataops.engine.testing;

import org.jspecify.annotations.NullMarked;
