package io.jenkins.plugins.dataops.cli;

import io.jenkins.plugins.dataops.cli.internal.ExitCodes;
import io.jenkins.plugins.dataops.engine.VerifyLedgerRequest;
import io.jenkins.plugins.dataops.engine.VerifyLedgerResult;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code dataops verify-ledger}: check the governance ledger's hash chain. */
@Command(
        name = "verify-ledger",
        mixinStandardHelpOptions = true,
        description = "Verify the governance ledger's hash chain; exit 1 naming the first broken record.")
final class VerifyLedgerCommand implements Callable<Integer> {
    @ParentCommand
    private DataOpsCommand parent;

    @Override
    public Integer call() {
        VerifyLedgerResult verification = parent.open(false).verifyLedger(VerifyLedgerRequest.all());
        if (verification.intact()) {
            parent.out().println(verification.describe());
            return ExitCodes.OK;
        }
        parent.err().println(verification.describe());
        return ExitCodes.FAILED;
    }
}
