package io.jenkins.plugins.dataops.cli;

import io.jenkins.plugins.dataops.cli.internal.JsonOutput;
import io.jenkins.plugins.dataops.engine.HistoryRequest;
import io.jenkins.plugins.dataops.engine.HistoryResult;
import io.jenkins.plugins.dataops.engine.release.HistoryEntry;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code dataops history}: what happened to an environment, from its own database. */
@Command(
        name = "history",
        mixinStandardHelpOptions = true,
        description = "Show an environment's release history (kept inside its database) and applied changesets.")
final class HistoryCommand implements Callable<Integer> {
    @ParentCommand
    private DataOpsCommand parent;

    @Option(names = "--env", required = true, paramLabel = "ENV", description = "The environment.")
    private String environment;

    @Option(names = "--json", description = "Print the history as JSON.")
    private boolean json;

    @Override
    public Integer call() {
        HistoryResult history = parent.open(json).history(HistoryRequest.of(environment));
        PrintWriter out = parent.out();
        if (json) {
            JsonOutput.print(out, history.toMap());
            return 0;
        }
        out.printf(
                "Release history of environment '%s' (%d entries, %d changesets applied):%n",
                environment, history.releases().size(), history.changeSets().size());
        for (HistoryEntry e : history.releases()) {
            out.printf(
                    "  %s  %-9s %-8s release %-8s by %s (%s) fingerprint %s%n",
                    Instant.ofEpochMilli(e.recordedAtMillis()),
                    e.action(),
                    e.outcome(),
                    e.release().isEmpty() ? "-" : e.release(),
                    e.actor(),
                    e.buildRef(),
                    e.fingerprint().isEmpty() ? "-" : e.fingerprint().substring(0, 12));
        }
        return 0;
    }
}
