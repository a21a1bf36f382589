package io.jenkins.plugins.dataops.config;

import com.cloudbees.plugins.credentials.common.StandardListBoxModel;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.Extension;
import hudson.ExtensionList;
import hudson.Util;
import hudson.model.Descriptor;
import hudson.model.Job;
import hudson.security.ACL;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.dataops.engine.kernel.InvalidInputException;
import io.jenkins.plugins.dataops.engine.policy.EnvironmentPolicy;
import io.jenkins.plugins.dataops.engine.policy.GcSchedule;
import io.jenkins.plugins.dataops.engine.policy.StepDefaults;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import jenkins.model.GlobalConfiguration;
import jenkins.model.Jenkins;
import jenkins.model.ParameterizedJobMixIn;
import net.sf.json.JSONObject;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.verb.POST;

/**
 * The administrator's DataOps settings (Manage Jenkins, System; YAML key {@code dataOps} under
 * {@code unclassified} in Configuration as Code): rules per environment, the default spec file, the ledger
 * key's credentials id and the periodic garbage collection (the jobs to build, every so many minutes).
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

    /** The full names of the jobs whose Pipeline calls {@code dataOpsGc}, one per line. */
    private String gcJobs = "";

    /** Minutes between two scheduled gc builds; 0 for off (the default). */
    private int gcIntervalMinutes;

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

    public String getGcJobs() {
        return gcJobs;
    }

    /**
     * Names the jobs built for periodic garbage collection (their Pipeline calls {@code dataOpsGc}).
     *
     * @param gcJobs full job names, one per line (commas separate too)
     * @throws Descriptor.FormException for a name no job can have
     */
    @DataBoundSetter
    public void setGcJobs(@CheckForNull final String gcJobs) throws Descriptor.FormException {
        try {
            this.gcJobs = String.join("\n", GcSchedule.parseJobs(gcJobs));
        } catch (InvalidInputException e) {
            throw new Descriptor.FormException(e.getMessage(), "gcJobs");
        }
        save();
    }

    public int getGcIntervalMinutes() {
        return gcIntervalMinutes;
    }

    /**
     * Sets how often the gc jobs are built.
     *
     * @param gcIntervalMinutes minutes; 0 for off
     * @throws Descriptor.FormException when out of range
     */
    @DataBoundSetter
    public void setGcIntervalMinutes(final int gcIntervalMinutes) throws Descriptor.FormException {
        try {
            this.gcIntervalMinutes = GcSchedule.requireInterval(gcIntervalMinutes);
        } catch (InvalidInputException e) {
            throw new Descriptor.FormException(e.getMessage(), "gcIntervalMinutes");
        }
        save();
    }

    /**
     * Returns the periodic garbage collection as the engine checks it.
     *
     * @return the schedule
     * @throws InvalidInputException when a saved value is not valid (edited by hand)
     */
    public GcSchedule gcSchedule() {
        return new GcSchedule(GcSchedule.parseJobs(gcJobs), gcIntervalMinutes);
    }

    /**
     * Checks the gc job names in the form: each a valid full name of a job that exists and can be built.
     *
     * @param value the field's text
     * @return an error for an invalid name, a warning for a missing job, else ok
     */
    @POST
    public FormValidation doCheckGcJobs(@QueryParameter final String value) {
        if (!Jenkins.get().hasPermission(Jenkins.ADMINISTER)) {
            return FormValidation.ok();
        }
        List<String> names;
        try {
            names = GcSchedule.parseJobs(value);
        } catch (InvalidInputException e) {
            return FormValidation.error(e.getMessage());
        }
        List<String> missing = names.stream()
                .filter(name -> !(Jenkins.get().getItemByFullName(name, Job.class)
                        instanceof ParameterizedJobMixIn.ParameterizedJob))
                .toList();
        return missing.isEmpty()
                ? FormValidation.ok()
                : FormValidation.warning(
                        "No buildable job named %s; create it (its Pipeline calls dataOpsGc) or" + " correct the name.",
                        missing);
    }

    /**
     * Checks the gc interval in the form.
     *
     * @param value the field's text
     * @return an error when not a number in range, else ok
     */
    @POST
    public FormValidation doCheckGcIntervalMinutes(@QueryParameter final String value) {
        if (!Jenkins.get().hasPermission(Jenkins.ADMINISTER)) {
            return FormValidation.ok();
        }
        try {
            GcSchedule.requireInterval(Integer.parseInt(Util.fixNull(value).strip()));
            return FormValidation.ok();
        } catch (NumberFormatException e) {
            return FormValidation.error(
                    "gcIntervalMinutes '%s' is not a whole number; use 0 (off) or 1 to %d minutes.",
                    value, GcSchedule.MAX_INTERVAL_MINUTES);
        } catch (InvalidInputException e) {
            return FormValidation.error(e.getMessage());
        }
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
