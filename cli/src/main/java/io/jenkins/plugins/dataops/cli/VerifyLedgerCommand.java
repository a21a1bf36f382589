package io.jenkins.plugins.dataops.cli;

import io.jenkins.plugins.dataops.cli.internal.ExitCodes;
import io.jenkins.plugins.dataops.cli.internal.JsonOutput;
import io.jenkins.plugins.dataops.engine.VerifyLedgerRequest;
import io.jenkins.plugins.dataops.engine.VerifyLedgerResult;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code dataops verify-ledger}: check the governance ledger's hash chain and the environments' anchors. */
@Command(
        name = "verify-ledger",
        mixinStandardHelpOptions = true,
        description = "Verify the governance ledger's hash chain, and that every ledger record the environments'"
                + " history rows name is in it; exit 1 naming the first broken record or the environment.")
final class VerifyLedgerCommand implements Callable<Integer> {
    @ParentCommand
    private DataOpsCommand parent;

    @Option(names = "--json", description = "Print the verification as JSON.")
    private boolean json;

    @Override
    public Integer call() {
        VerifyLedgerResult verification = parent.open(json).verifyLedger(VerifyLedgerRequest.all());
        if (json) {
            JsonOutput.print(parent.out(), verification.toMap());
        } else if (verification.intact()) {
            parent.out().println(verification.describe());
        } else {
            parent.err().println(verification.describe());
        }
        return verification.intact() ? ExitCodes.OK : ExitCodes.FAILED;
    }
}
