/** DataOps for Jenkins: console progress and small helpers. */
@DefaultAnnotation(NonNull.class)
package io.jenkins.plugins.dataops.util;

import edu.umd.cs.findbugs.annotations.DefaultAnnotation;
import edu.umd.cs.findbugs.annotations.NonNull;
