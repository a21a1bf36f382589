/** DataOps for Jenkins: the governance report across jobs, its permission and its index. */
@DefaultAnnotation(NonNull.class)
package io.jenkins.plugins.dataops.report;

import edu.umd.cs.findbugs.annotations.DefaultAnnotation;
import edu.umd.cs.findbugs.annotations.NonNull;
