/** Tests that load the engine in class loaders of its own, as Jenkins plugins and agents do. */
@NullMarked
package io.jenkins.plugins.dataops.engine.loading;

import org.jspecify.annotations.NullMarked;
