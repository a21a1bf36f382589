package io.jenkins.plugins.dataops.cli;

import io.jenkins.plugins.dataops.cli.internal.JsonOutput;
import io.jenkins.plugins.dataops.engine.PromoteRequest;
import io.jenkins.plugins.dataops.engine.PromoteResult;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code dataops promote}: move a release to the next environment, gated by evidence. */
@Command(
        name = "promote",
        mixinStandardHelpOptions = true,
        description = "Promote a release from one environment to the next: the source must run it (same "
                + "fingerprint) with passing, recent data tests, and a protected target needs an approval by "
                + "someone else. Then apply, verify with the target's data tests, and roll back on failure.")
final class PromoteCommand implements Callable<Integer> {
    @ParentCommand
    private DataOpsCommand parent;

    @Option(names = "--release", required = true, paramLabel = "TAG", description = "The release tag.")
    private String release;

    @Option(names = "--from", required = true, paramLabel = "ENV", description = "The source environment.")
    private String from;

    @Option(names = "--to", required = true, paramLabel = "ENV", description = "The target environment.")
    private String to;

    @Option(names = "--approved-by", paramLabel = "USER", description = "Who approved (protected targets).")
    private String approvedBy;

    @Option(names = "--force", description = "Skip the promotion-path gate (needs --reason; recorded).")
    private boolean force;

    @Option(names = "--reason", paramLabel = "TEXT", description = "Why the promotion is forced.")
    private String reason;

    @Option(names = "--json", description = "Print the result as JSON.")
    private boolean json;

    @Override
    public Integer call() {
        PromoteResult result = parent.open(json)
                .promote(PromoteRequest.of(release, from, to)
                        .withApprovedBy(approvedBy)
                        .withForce(force, reason));
        if (json) {
            JsonOutput.print(parent.out(), result.toMap());
        } else {
            parent.out()
                    .printf(
                            "Release '%s' promoted from '%s' to '%s' (%d changeset(s), fingerprint %s).%n",
                            release,
                            from,
                            to,
                            result.applied().changeSets().size(),
                            result.fingerprint().substring(0, 12));
        }
        return 0;
    }
}
