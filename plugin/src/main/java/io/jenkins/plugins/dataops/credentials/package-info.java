/** DataOps for Jenkins: credentials types and the lookup that turns spec credentials ids into engine credentials. */
@DefaultAnnotation(NonNull.class)
package io.jenkins.plugins.dataops.credentials;

import edu.umd.cs.findbugs.annotations.DefaultAnnotation;
import edu.umd.cs.findbugs.annotations.NonNull;
