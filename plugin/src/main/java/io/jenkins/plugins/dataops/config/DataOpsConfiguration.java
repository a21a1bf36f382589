package io.jenkins.plugins.dataops.config;

import com.cloudbees.plugins.credentials.common.StandardListBoxModel;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.Extension;
import hudson.ExtensionList;
import hudson.Util;
import hudson.security.ACL;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.dataops.engine.policy.EnvironmentPolicy;
import io.jenkins.plugins.dataops.engine.policy.StepDefaults;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import jenkins.model.GlobalConfiguration;
import jenkins.model.Jenkins;
import net.sf.json.JSONObject;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.verb.POST;

/**
 * The administrator's DataOps settings (Manage Jenkins, System; YAML key {@code dataOps} under
 * {@code unclassified} in Configuration as Code): rules per environment, the default spec file and the ledger
 * key's credentials id.
 */
@Extension
@Symbol("dataOps")
public class DataOpsConfiguration extends GlobalConfiguration {
    /** The spec file name used when a step does not name one. */
    public static final String DEFAULT_SPEC = StepDefaults.SPEC;

    private List<EnvironmentRule> environments = new ArrayList<>();
    private String defaultSpec = DEFAULT_SPEC;

    /** The Secret text credential holding the ledger key; null for an unkeyed chain. */
    @CheckForNull
    private String ledgerKeyCredentialsId;

    /** Loads the saved settings. */
    public DataOpsConfiguration() {
        load();
    }

    /**
     * Returns the singleton.
     *
     * @return the configuration
     */
    public static DataOpsConfiguration get() {
        return ExtensionList.lookupSingleton(DataOpsConfiguration.class);
    }

    public List<EnvironmentRule> getEnvironments() {
        return List.copyOf(environments);
    }

    /**
     * Replaces the environment rules.
     *
     * @param environments the rules
     */
    @DataBoundSetter
    public void setEnvironments(@CheckForNull final List<EnvironmentRule> environments) {
        this.environments = environments == null ? new ArrayList<>() : new ArrayList<>(environments);
        save();
    }

    public String getDefaultSpec() {
        return defaultSpec;
    }

    /**
     * Sets the spec file used when a step does not name one.
     *
     * @param defaultSpec a path relative to the workspace
     */
    @DataBoundSetter
    public void setDefaultSpec(@CheckForNull final String defaultSpec) {
        String value = Util.fixEmptyAndTrim(defaultSpec);
        this.defaultSpec = value == null ? DEFAULT_SPEC : value;
        save();
    }

    @CheckForNull
    public String getLedgerKeyCredentialsId() {
        return ledgerKeyCredentialsId;
    }

    /**
     * Chooses the Secret text credential whose value keys the records the controller chains (HMAC-SHA-256).
     *
     * @param ledgerKeyCredentialsId the credentials id; blank for none
     */
    @DataBoundSetter
    public void setLedgerKeyCredentialsId(@CheckForNull final String ledgerKeyCredentialsId) {
        this.ledgerKeyCredentialsId = Util.fixEmptyAndTrim(ledgerKeyCredentialsId);
        save();
    }

    /**
     * Lists the Secret text credentials of Jenkins for the ledger key drop-down (administrators only).
     *
     * @param ledgerKeyCredentialsId the current value
     * @return the choices
     */
    @POST
    public ListBoxModel doFillLedgerKeyCredentialsIdItems(@QueryParameter final String ledgerKeyCredentialsId) {
        if (!Jenkins.get().hasPermission(Jenkins.ADMINISTER)) {
            return new StandardListBoxModel().includeCurrentValue(ledgerKeyCredentialsId);
        }
        return new StandardListBoxModel()
                .includeEmptyValue()
                .includeAs(ACL.SYSTEM2, Jenkins.get(), StringCredentials.class)
                .includeCurrentValue(ledgerKeyCredentialsId);
    }

    /**
     * Returns the first rule that applies to an environment.
     *
     * @param environment the environment name
     * @return the rule, if any
     */
    public Optional<EnvironmentRule> ruleFor(final String environment) {
        return environments.stream().filter(rule -> rule.matches(environment)).findFirst();
    }

    /**
     * Returns the rules as the engine's policy, which decides credentials and protection.
     *
     * @return the policy
     * @throws io.jenkins.plugins.dataops.engine.kernel.InvalidInputException when a saved rule's name is not
     *     valid (the policy fails closed rather than skip a rule)
     */
    public EnvironmentPolicy policy() {
        return new EnvironmentPolicy(
                environments.stream().map(EnvironmentRule::toPolicyRule).toList());
    }

    @Override
    public String getDisplayName() {
        return "DataOps";
    }

    @Override
    public boolean configure(final StaplerRequest2 req, final JSONObject json) throws FormException {
        // A list whose rows were all deleted is missing from the form, so its setter would not be called.
        environments = new ArrayList<>();
        req.bindJSON(this, json);
        save();
        return true;
    }
}
