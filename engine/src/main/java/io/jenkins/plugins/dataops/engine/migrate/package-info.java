/** Schema migrations behind the {@link io.jenkins.plugins.dataops.engine.migrate.SchemaMigrator} port; Liquibase lives only in the liquibase sub-package. */
@NullMarked
package io.jenkins.plugins.dataops.engine.migrate;

import org.jspecify.annotations.NullMarked;
