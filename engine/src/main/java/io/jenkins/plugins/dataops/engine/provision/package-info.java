/** The provisioning port (plan, apply, destroy) and its providers. */
package io.jenkins.plugins.dataops.engine.provision;
