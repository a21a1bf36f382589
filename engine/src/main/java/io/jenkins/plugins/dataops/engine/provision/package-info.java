/** The provisioning port (plan, apply, destroy) and its providers. */
@NullMarked
package io.jenkins.plugins.dataops.engine.provision;

import org.jspecify.annotations.NullMarked;
