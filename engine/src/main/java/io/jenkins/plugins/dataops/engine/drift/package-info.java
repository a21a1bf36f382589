/** Schema drift: the live schema of an environment against the schema its changelog produces. */
package io.jenkins.plugins.dataops.engine.drift;
