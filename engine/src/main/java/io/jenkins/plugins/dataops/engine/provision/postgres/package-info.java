/** The PostgreSQL provider: one database and one login role per environment on an existing server. */
package io.jenkins.plugins.dataops.engine.provision.postgres;
