package io.jenkins.plugins.dataops.cli;

import io.jenkins.plugins.dataops.engine.CreateEphemeralRequest;
import io.jenkins.plugins.dataops.engine.ProvisionRequest;
import io.jenkins.plugins.dataops.engine.kernel.InvalidInputException;
import io.jenkins.plugins.dataops.engine.spec.DurationParser;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code dataops provision}: make an environment's infrastructure match the spec. */
@Command(
        name = "provision",
        mixinStandardHelpOptions = true,
        description = "Create or update an environment's infrastructure as the spec declares it (idempotent).")
final class ProvisionCommand implements Callable<Integer> {
    @ParentCommand
    private DataOpsCommand parent;

    @Option(names = "--env", required = true, paramLabel = "ENV", description = "The environment.")
    private String environment;

    @Option(
            names = "--ephemeral",
            description = "Create a throw-away environment of this name from the spec's "
                    + "ephemeral template (destroy it with 'destroy', or let 'gc' do it after its ttl).")
    private boolean ephemeral;

    @Option(
            names = "--ttl",
            paramLabel = "DURATION",
            description = "With --ephemeral: how long it may live, e.g. " + "2h (default: the template's ttl).")
    private String ttl;

    @Override
    public Integer call() {
        if (ephemeral) {
            parent.open(false)
                    .createEphemeral(CreateEphemeralRequest.of(environment)
                            .withTtl(ttl == null ? null : DurationParser.parse(ttl)));
        } else {
            if (ttl != null) {
                throw new InvalidInputException("--ttl goes with --ephemeral only.");
            }
            parent.open(false).provision(ProvisionRequest.of(environment));
        }
        return 0;
    }
}
