package io.jenkins.plugins.dataops.credentials;

import com.cloudbees.plugins.credentials.CredentialsMatchers;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.security.ACL;
import io.jenkins.plugins.dataops.config.DataOpsConfiguration;
import io.jenkins.plugins.dataops.engine.governance.LedgerKey;
import io.jenkins.plugins.dataops.engine.kernel.DataOpsException;
import java.util.List;
import java.util.logging.Logger;
import jenkins.model.Jenkins;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;

/**
 * The ledger key the administrator chose ({@link DataOpsConfiguration#getLedgerKeyCredentialsId()}): a Secret
 * text credential of Jenkins itself (scope System is enough, and better: builds never see it), read with the
 * system's authority because only the controller uses it, to MAC the records it chains and to verify them on
 * the pages. The key never goes to an agent.
 */
public final class LedgerKeys {
    private static final Logger LOGGER = Logger.getLogger(LedgerKeys.class.getName());

    private LedgerKeys() {}

    /**
     * Returns the configured ledger key.
     *
     * @return the key; null when none is configured, or when the configured credential is missing or too short
     *     (logged: records then carry no MAC and the pages say the chain is unkeyed)
     */
    @CheckForNull
    public static LedgerKey configured() {
        String id = DataOpsConfiguration.get().getLedgerKeyCredentialsId();
        if (id == null) {
            return null;
        }
        StringCredentials secret = CredentialsMatchers.firstOrNull(
                CredentialsProvider.lookupCredentialsInItemGroup(
                        StringCredentials.class, Jenkins.get(), ACL.SYSTEM2, List.of()),
                CredentialsMatchers.withId(id));
        if (secret == null) {
            LOGGER.warning(() -> "The DataOps ledger key credential '" + id + "' does not exist or is not Secret "
                    + "text; records are chained without a MAC until it is added in Jenkins' global store.");
            return null;
        }
        try {
            return LedgerKey.of(
                    "The ledger key credential '" + id + "'", secret.getSecret().getPlainText());
        } catch (DataOpsException e) {
            LOGGER.warning(e::getMessage); // names the id and the length, never the value
            return null;
        }
    }
}
