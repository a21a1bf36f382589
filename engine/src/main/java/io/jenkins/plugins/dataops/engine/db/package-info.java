/** Database targets: where an environment's database is, how to log in, and which SQL dialect it speaks. */
@NullMarked
package io.jenkins.plugins.dataops.engine.db;

import org.jspecify.annotations.NullMarked;
