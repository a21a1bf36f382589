/** The data product spec ({@code dataops.yaml}): model, parsing and validation with clear errors. */
package io.jenkins.plugins.dataops.engine.spec;
