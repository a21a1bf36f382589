/** DataOps for Jenkins: the Pipeline steps, each a thin adapter from its parameters to one engine call run on the agent. */
@DefaultAnnotation(NonNull.class)
package io.jenkins.plugins.dataops.steps;

import edu.umd.cs.findbugs.annotations.DefaultAnnotation;
import edu.umd.cs.findbugs.annotations.NonNull;
