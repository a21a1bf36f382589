package io.jenkins.plugins.dataops.cli;

import io.jenkins.plugins.dataops.engine.DestroyRequest;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code dataops destroy}: remove what the product owns in an environment. */
@Command(
        name = "destroy",
        mixinStandardHelpOptions = true,
        description = "Remove what the data product owns in an environment (never what it did not create).")
final class DestroyCommand implements Callable<Integer> {
    @ParentCommand
    private DataOpsCommand parent;

    @Option(names = "--env", required = true, paramLabel = "ENV", description = "The environment.")
    private String environment;

    @Override
    public Integer call() {
        parent.open(false).destroy(DestroyRequest.of(environment));
        return 0;
    }
}
