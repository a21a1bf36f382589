/** Impact analysis: what the pending schema changes of a release break in the data tests and the catalog. */
@NullMarked
package io.jenkins.plugins.dataops.engine.impact;

import org.jspecify.annotations.NullMarked;
