/** The embedded default provider: one H2 database file per environment in the project's state folder. */
@NullMarked
package io.jenkins.plugins.dataops.engine.provision.h2;

import org.jspecify.annotations.NullMarked;
