/** Releases: identity and fingerprint, the release history kept in each environment, promotion and rollback. */
@NullMarked
package io.jenkins.plugins.dataops.engine.release;

import org.jspecify.annotations.NullMarked;
