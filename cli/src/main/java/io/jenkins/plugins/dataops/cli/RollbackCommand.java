package io.jenkins.plugins.dataops.cli;

import io.jenkins.plugins.dataops.cli.internal.JsonOutput;
import io.jenkins.plugins.dataops.engine.RollbackRequest;
import io.jenkins.plugins.dataops.engine.RollbackResult;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code dataops rollback}: take an environment back to its previous release. */
@Command(
        name = "rollback",
        mixinStandardHelpOptions = true,
        description = "Roll an environment back to the release it ran before (or --to a named one), refusing "
                + "before touching anything when a changeset in the way has no rollback; then run its data tests.")
final class RollbackCommand implements Callable<Integer> {
    @ParentCommand
    private DataOpsCommand parent;

    @Option(names = "--env", required = true, paramLabel = "ENV", description = "The environment.")
    private String environment;

    @Option(names = "--to", paramLabel = "TAG", description = "The release to go back to (default: the previous).")
    private String to;

    @Option(names = "--json", description = "Print the result as JSON.")
    private boolean json;

    @Override
    public Integer call() {
        RollbackResult result =
                parent.open(json).rollback(RollbackRequest.of(environment).withToRelease(to));
        if (json) {
            JsonOutput.print(parent.out(), result.toMap());
        } else {
            parent.out()
                    .printf(
                            "Environment '%s' rolled back from '%s' to '%s' (%d changeset(s)).%n",
                            environment,
                            result.fromRelease(),
                            result.toRelease(),
                            result.rolledBack().changeSets().size());
        }
        return 0;
    }
}
