package io.jenkins.plugins.dataops.config;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.Extension;
import hudson.Util;
import hudson.model.Describable;
import hudson.model.Descriptor;
import hudson.util.FormValidation;
import io.jenkins.plugins.dataops.engine.policy.EnvironmentPolicy;
import java.util.List;
import java.util.Optional;
import jenkins.model.Jenkins;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * What an administrator decides for one environment name (or a pattern such as {@code pr-*}), on top of
 * what the data product's spec says: which credentials ids the spec may use there, whether the environment is
 * protected (promotions need an approval from someone other than the build's requester) and which groups may
 * approve. A spec can make an environment stricter, never looser. The decisions are the engine's
 * ({@link EnvironmentPolicy}); this class only binds the form and Configuration as Code.
 */
public class EnvironmentRule implements Describable<EnvironmentRule> {
    private final String name;
    private String allowedCredentialsIds = "";
    private boolean protectedEnvironment;
    private String approverGroups = "";

    /**
     * Creates a rule.
     *
     * @param name the environment name or a pattern with {@code *}
     */
    @DataBoundConstructor
    public EnvironmentRule(final String name) {
        this.name = Util.fixNull(name).trim();
    }

    public String getName() {
        return name;
    }

    public String getAllowedCredentialsIds() {
        return allowedCredentialsIds;
    }

    /**
     * Sets the credentials ids the spec may use in this environment (comma or blank separated; {@code *}
     * allows any id; empty allows none: credentials are denied unless a rule allows them).
     *
     * @param allowedCredentialsIds the ids
     */
    @DataBoundSetter
    public void setAllowedCredentialsIds(@CheckForNull final String allowedCredentialsIds) {
        this.allowedCredentialsIds = Util.fixNull(allowedCredentialsIds).trim();
    }

    public boolean isProtectedEnvironment() {
        return protectedEnvironment;
    }

    /**
     * Marks the environment protected: promotions into it need an approval by another Jenkins user.
     *
     * @param protectedEnvironment true to protect
     */
    @DataBoundSetter
    public void setProtectedEnvironment(final boolean protectedEnvironment) {
        this.protectedEnvironment = protectedEnvironment;
    }

    public String getApproverGroups() {
        return approverGroups;
    }

    /**
     * Sets the groups whose members may approve promotions into this environment (comma or blank separated;
     * empty means any Jenkins user other than the requester).
     *
     * @param approverGroups the groups
     */
    @DataBoundSetter
    public void setApproverGroups(@CheckForNull final String approverGroups) {
        this.approverGroups = Util.fixNull(approverGroups).trim();
    }

    /**
     * Tells whether this rule applies to an environment.
     *
     * @param environment the environment name
     * @return true when the name matches (exactly, or the {@code *} pattern)
     */
    public boolean matches(final String environment) {
        return toPolicyRule().matches(environment);
    }

    /**
     * Returns the rule as the engine's value.
     *
     * @return the rule
     * @throws io.jenkins.plugins.dataops.engine.kernel.InvalidInputException when the name is not valid
     */
    public io.jenkins.plugins.dataops.engine.policy.EnvironmentRule toPolicyRule() {
        return new io.jenkins.plugins.dataops.engine.policy.EnvironmentRule(
                name, allowedIds(), protectedEnvironment, groups());
    }

    /**
     * Returns the allowed credentials ids as a list.
     *
     * @return the ids; {@code *} allows any, empty allows none
     */
    public List<String> allowedIds() {
        return io.jenkins.plugins.dataops.engine.policy.EnvironmentRule.split(allowedCredentialsIds);
    }

    /**
     * Returns the approver groups as a list.
     *
     * @return the groups; empty when any other user may approve
     */
    public List<String> groups() {
        return io.jenkins.plugins.dataops.engine.policy.EnvironmentRule.split(approverGroups);
    }

    /** Describes the rule for the configuration form and Configuration as Code. */
    @Extension
    @Symbol("environmentRule")
    public static class DescriptorImpl extends Descriptor<EnvironmentRule> {
        @Override
        public String getDisplayName() {
            return "DataOps environment rule";
        }

        /**
         * Checks the environment name or pattern.
         *
         * @param value the name
         * @return ok, or what is wrong
         */
        @POST
        public FormValidation doCheckName(@QueryParameter final String value) {
            Jenkins.get().checkPermission(Jenkins.ADMINISTER);
            Optional<String> problem = io.jenkins.plugins.dataops.engine.policy.EnvironmentRule.problemWith(value);
            return problem.map(FormValidation::error).orElseGet(FormValidation::ok);
        }
    }
}
