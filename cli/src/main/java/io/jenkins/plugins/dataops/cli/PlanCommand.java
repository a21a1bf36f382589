package io.jenkins.plugins.dataops.cli;

import io.jenkins.plugins.dataops.cli.internal.JsonOutput;
import io.jenkins.plugins.dataops.engine.PlanRequest;
import io.jenkins.plugins.dataops.engine.PlanResult;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code dataops plan}: what provisioning an environment would change. */
@Command(
        name = "plan",
        mixinStandardHelpOptions = true,
        description = "Show what 'provision' would create, update or delete in an environment. Changes nothing.")
final class PlanCommand implements Callable<Integer> {
    @ParentCommand
    private DataOpsCommand parent;

    @Option(names = "--env", required = true, paramLabel = "ENV", description = "The environment.")
    private String environment;

    @Option(names = "--json", description = "Print the plan as JSON.")
    private boolean json;

    @Override
    public Integer call() {
        PlanResult plan = parent.open(json).plan(PlanRequest.of(environment));
        if (json) {
            JsonOutput.print(parent.out(), plan.toMap());
        } else {
            parent.out().println(plan.plan().render());
        }
        return 0;
    }
}
