package io.jenkins.plugins.dataops.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.util.concurrent.Callable;

/** {@code dataops provision}: make an environment's infrastructure match the spec. */
@Command(name = "provision", mixinStandardHelpOptions = true,
        description = "Create or update an environment's infrastructure as the spec declares it (idempotent).")
final class ProvisionCommand implements Callable<Integer> {
    @ParentCommand
    private DataOpsCommand parent;

    @Option(names = "--env", required = true, paramLabel = "ENV", description = "The environment.")
    private String environment;

    @Override
    public Integer call() {
        parent.open(false).provision(environment);
        return 0;
    }
}
