/** The PostgreSQL provider: one database and one login role per environment on an existing server. */
@NullMarked
package io.jenkins.plugins.dataops.engine.provision.postgres;

import org.jspecify.annotations.NullMarked;
