package io.jenkins.plugins.dataops.cli;

import io.jenkins.plugins.dataops.cli.internal.JsonOutput;
import io.jenkins.plugins.dataops.engine.MigrateRequest;
import io.jenkins.plugins.dataops.engine.MigrateResult;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code dataops migrate}: apply the changelog to an environment. */
@Command(
        name = "migrate",
        mixinStandardHelpOptions = true,
        description = "Apply pending changesets to an environment, after the rollback-readiness and "
                + "destructive-change checks.")
final class MigrateCommand implements Callable<Integer> {
    @ParentCommand
    private DataOpsCommand parent;

    @Option(names = "--env", required = true, paramLabel = "ENV", description = "The environment.")
    private String environment;

    @Option(names = "--tag", paramLabel = "TAG", description = "Apply up to and including this release tag.")
    private String tag;

    @Option(names = "--dry-run", description = "Print the SQL that would run; change nothing.")
    private boolean dryRun;

    @Option(names = "--allow-destructive", description = "Apply changes that drop or narrow (recorded).")
    private boolean allowDestructive;

    @Option(names = "--allow-no-rollback", description = "Apply changesets that cannot be rolled back (recorded).")
    private boolean allowNoRollback;

    @Option(names = "--json", description = "Print the outcome as JSON.")
    private boolean json;

    @Override
    public Integer call() {
        MigrateResult outcome = parent.open(json)
                .migrate(MigrateRequest.of(environment)
                        .withTag(tag)
                        .withDryRun(dryRun)
                        .withAllowNoRollback(allowNoRollback)
                        .withAllowDestructive(allowDestructive));
        if (json) {
            JsonOutput.print(parent.out(), outcome.toMap());
        } else if (dryRun) {
            parent.out().println(outcome.dryRunSql());
        } else {
            parent.out()
                    .printf(
                            "Environment '%s' is at release '%s' (%d changeset(s) applied, fingerprint %s).%n",
                            environment,
                            outcome.release(),
                            outcome.changeSetCount(),
                            outcome.fingerprint().substring(0, 12));
        }
        return 0;
    }
}
