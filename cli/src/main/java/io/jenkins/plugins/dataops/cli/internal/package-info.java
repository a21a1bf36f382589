/** Command-line plumbing: exit codes, error handling, progress output, JSON output. */
package io.jenkins.plugins.dataops.cli.internal;
