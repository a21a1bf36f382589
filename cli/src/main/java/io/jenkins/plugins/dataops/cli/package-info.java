/** The {@code dataops} command line: one class per subcommand, each a thin adapter over the engine facade. */
@NullMarked
package io.jenkins.plugins.dataops.cli;

import org.jspecify.annotations.NullMarked;
