/** The only place that knows Liquibase: the {@code SchemaMigrator} implementation and its helpers. */
@NullMarked
package io.jenkins.plugins.dataops.engine.migrate.liquibase;

import org.jspecify.annotations.NullMarked;
