package io.jenkins.plugins.dataops.cli;

import io.jenkins.plugins.dataops.cli.internal.JsonOutput;
import io.jenkins.plugins.dataops.engine.StatusRequest;
import io.jenkins.plugins.dataops.engine.StatusResult;
import io.jenkins.plugins.dataops.engine.migrate.ChangeSetInfo;
import io.jenkins.plugins.dataops.engine.migrate.Finding;
import io.jenkins.plugins.dataops.engine.migrate.MigrationStatus;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code dataops status}: where an environment's schema stands against the changelog. */
@Command(
        name = "status",
        mixinStandardHelpOptions = true,
        description = "Show the current release tag and the pending changesets with their readiness findings.")
final class StatusCommand implements Callable<Integer> {
    @ParentCommand
    private DataOpsCommand parent;

    @Option(names = "--env", required = true, paramLabel = "ENV", description = "The environment.")
    private String environment;

    @Option(names = "--tag", paramLabel = "TAG", description = "Only changesets up to this tag.")
    private String tag;

    @Option(names = "--json", description = "Print the status as JSON.")
    private boolean json;

    @Override
    public Integer call() {
        StatusResult result =
                parent.open(json).status(StatusRequest.of(environment).withTag(tag));
        MigrationStatus status = result.status();
        PrintWriter out = parent.out();
        if (json) {
            JsonOutput.print(out, result.toMap());
            return 0;
        }
        out.printf(
                "Environment '%s': release '%s', %d changeset(s) applied, %d pending.%n",
                environment,
                status.currentTag().isEmpty() ? "(none)" : status.currentTag(),
                status.applied(),
                status.pending().size());
        for (ChangeSetInfo c : status.pending()) {
            out.printf(
                    "  pending %s%s%s%s%n",
                    c.key(),
                    c.tag().isEmpty() ? "" : " [tag " + c.tag() + "]",
                    c.rollbackSupported() ? "" : " NO ROLLBACK",
                    c.destructiveChanges().isEmpty()
                            ? ""
                            : " DESTRUCTIVE: " + String.join("; ", c.destructiveChanges()));
        }
        // What no allowance lifts: changesets the database rejects, and objects that exist already (drift).
        for (Finding f : status.findings()) {
            if (Finding.INVALID.equals(f.check()) || Finding.DRIFT.equals(f.check())) {
                out.printf("  %s %s: %s%n", f.check().toUpperCase(Locale.ROOT), f.changeSet(), f.detail());
            }
        }
        return 0;
    }
}
