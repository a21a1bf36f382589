/** Schema drift: the live schema of an environment against the schema its changelog produces. */
@NullMarked
package io.jenkins.plugins.dataops.engine.drift;

import org.jspecify.annotations.NullMarked;
