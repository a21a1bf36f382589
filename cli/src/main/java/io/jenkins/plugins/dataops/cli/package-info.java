/** The {@code dataops} command line: one class per subcommand, each a thin adapter over the engine facade. */
package io.jenkins.plugins.dataops.cli;
