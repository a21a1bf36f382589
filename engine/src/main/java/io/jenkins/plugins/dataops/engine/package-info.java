/**
 * The DataOps engine: all DataOps logic, free of Jenkins and of the command line. {@code DataOps} is the
 * facade; each sub-package holds one concern (spec, provision, migrate, quality, release, governance).
 */
@NullMarked
package io.jenkins.plugins.dataops.engine;

import org.jspecify.annotations.NullMarked;
