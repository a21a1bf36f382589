/** DataOps for Jenkins: periodic garbage collection, a build of each configured gc job every so many minutes. */
@DefaultAnnotation(NonNull.class)
package io.jenkins.plugins.dataops.gc;

import edu.umd.cs.findbugs.annotations.DefaultAnnotation;
import edu.umd.cs.findbugs.annotations.NonNull;
