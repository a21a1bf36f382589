/** The only place that knows Liquibase: the {@code SchemaMigrator} implementation and its helpers. */
package io.jenkins.plugins.dataops.engine.migrate.liquibase;
