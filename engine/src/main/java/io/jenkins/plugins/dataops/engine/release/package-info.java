/** Releases: identity and fingerprint, the release history kept in each environment, promotion and rollback. */
package io.jenkins.plugins.dataops.engine.release;
