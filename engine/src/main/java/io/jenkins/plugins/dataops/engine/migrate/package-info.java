/** Schema migrations behind the {@link io.jenkins.plugins.dataops.engine.migrate.SchemaMigrator} port; Liquibase lives only in the liquibase sub-package. */
package io.jenkins.plugins.dataops.engine.migrate;
