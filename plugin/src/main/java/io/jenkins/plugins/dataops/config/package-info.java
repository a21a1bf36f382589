/** DataOps for Jenkins: the global configuration admins set (environment rules), usable from Configuration as Code. */
@DefaultAnnotation(NonNull.class)
package io.jenkins.plugins.dataops.config;

import edu.umd.cs.findbugs.annotations.DefaultAnnotation;
import edu.umd.cs.findbugs.annotations.NonNull;
