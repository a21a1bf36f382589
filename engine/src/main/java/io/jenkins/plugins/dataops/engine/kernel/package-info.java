/**
 * Kernel types every engine package needs: the exception hierarchy and the progress listener. A leaf: it
 * imports no other engine package, so the package graph has no cycle through it.
 */
@NullMarked
package io.jenkins.plugins.dataops.engine.kernel;

import org.jspecify.annotations.NullMarked;
