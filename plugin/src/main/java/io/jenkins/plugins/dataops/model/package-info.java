/** DataOps for Jenkins: the governance records kept with each build and the approval rules. */
@DefaultAnnotation(NonNull.class)
package io.jenkins.plugins.dataops.model;

import edu.umd.cs.findbugs.annotations.DefaultAnnotation;
import edu.umd.cs.findbugs.annotations.NonNull;
