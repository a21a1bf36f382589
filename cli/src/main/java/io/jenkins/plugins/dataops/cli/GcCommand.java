package io.jenkins.plugins.dataops.cli;

import io.jenkins.plugins.dataops.engine.GcRequest;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code dataops gc}: destroy expired ephemeral environments. */
@Command(
        name = "gc",
        mixinStandardHelpOptions = true,
        description = "Destroy every ephemeral environment whose time to live has passed.")
final class GcCommand implements Callable<Integer> {
    @ParentCommand
    private DataOpsCommand parent;

    @Override
    public Integer call() {
        parent.open(false).gc(GcRequest.expired());
        return 0;
    }
}
