/** The embedded default provider: one H2 database file per environment in the project's state folder. */
package io.jenkins.plugins.dataops.engine.provision.h2;
