package io.jenkins.plugins.dataops.cli;

import io.jenkins.plugins.dataops.cli.internal.ExitCodes;
import io.jenkins.plugins.dataops.cli.internal.JsonOutput;
import io.jenkins.plugins.dataops.engine.DriftRequest;
import io.jenkins.plugins.dataops.engine.DriftResult;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code dataops drift}: does an environment still look like its changelog says? */
@Command(
        name = "drift",
        mixinStandardHelpOptions = true,
        description = "Compare an environment's live schema with the schema its changelog produces up to the release "
                + "it runs (built in a scratch database, removed afterwards), and its applied changesets with the "
                + "changelog. Changes nothing in the environment; the check is recorded. Exit 0 when clean, 1 when "
                + "drifted, 2 on bad input.")
final class DriftCommand implements Callable<Integer> {
    @ParentCommand
    private DataOpsCommand parent;

    @Option(names = "--env", required = true, paramLabel = "ENV", description = "The environment.")
    private String environment;

    @Option(names = "--json", description = "Print the findings as JSON.")
    private boolean json;

    @Override
    public Integer call() {
        DriftResult result = parent.open(json).drift(DriftRequest.of(environment));
        if (json) {
            JsonOutput.print(parent.out(), result.toMap());
        } // else the engine's progress lines have shown every finding and the summary
        return result.isDrifted() ? ExitCodes.FAILED : ExitCodes.OK;
    }
}
