/** The data product spec ({@code dataops.yaml}): model, parsing and validation with clear errors. */
@NullMarked
package io.jenkins.plugins.dataops.engine.spec;

import org.jspecify.annotations.NullMarked;
