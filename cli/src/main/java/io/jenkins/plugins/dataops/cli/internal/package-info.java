/** Command-line plumbing: exit codes, error handling, progress output, JSON output. */
@NullMarked
package io.jenkins.plugins.dataops.cli.internal;

import org.jspecify.annotations.NullMarked;
