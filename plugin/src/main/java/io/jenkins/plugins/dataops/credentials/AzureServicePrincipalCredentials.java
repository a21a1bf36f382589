package io.jenkins.plugins.dataops.credentials;

import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.impl.BaseStandardCredentials;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.Extension;
import hudson.Util;
import hudson.model.Item;
import hudson.model.User;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import hudson.util.Secret;
import io.jenkins.plugins.dataops.engine.credentials.ServicePrincipal;
import io.jenkins.plugins.dataops.engine.policy.ServicePrincipalCheck;
import java.util.List;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * An Azure service principal for the {@code azure-sql} provider: tenant, client id, client secret,
 * subscription and cloud. The secret is a {@link Secret}: encrypted on disk, masked in forms.
 */
public class AzureServicePrincipalCredentials extends BaseStandardCredentials {
    private static final long serialVersionUID = 1L;
    /** The clouds the engine knows. */
    static final List<String> CLOUDS = ServicePrincipalCheck.CLOUDS;

    private final String tenantId;
    private final String clientId;
    private final Secret clientSecret;
    private final String subscriptionId;
    private final String cloud;

    /**
     * Creates the credentials.
     *
     * @param scope          the scope (GLOBAL to be usable by builds)
     * @param id             the id the spec names
     * @param description    a description
     * @param tenantId       the Microsoft Entra tenant id
     * @param clientId       the application (client) id
     * @param clientSecret   the client secret
     * @param subscriptionId the subscription id
     * @param cloud          AzureCloud, AzureChinaCloud or AzureUSGovernment (empty: AzureCloud)
     */
    @DataBoundConstructor
    @SuppressWarnings("checkstyle:ParameterNumber") // the credentials form binds every field through the constructor
    public AzureServicePrincipalCredentials(
            @CheckForNull final CredentialsScope scope,
            @CheckForNull final String id,
            @CheckForNull final String description,
            final String tenantId,
            final String clientId,
            final Secret clientSecret,
            final String subscriptionId,
            @CheckForNull final String cloud) {
        super(scope, id, description);
        this.tenantId = Util.fixNull(tenantId).trim();
        this.clientId = Util.fixNull(clientId).trim();
        this.clientSecret = clientSecret;
        this.subscriptionId = Util.fixNull(subscriptionId).trim();
        String c = Util.fixEmptyAndTrim(cloud);
        this.cloud = c == null ? CLOUDS.get(0) : c;
    }

    public String getTenantId() {
        return tenantId;
    }

    public String getClientId() {
        return clientId;
    }

    public Secret getClientSecret() {
        return clientSecret;
    }

    public String getSubscriptionId() {
        return subscriptionId;
    }

    public String getCloud() {
        return cloud;
    }

    /**
     * Converts to the engine's value; call only where the secret is needed (it is shipped to the agent).
     *
     * @return the service principal
     */
    public ServicePrincipal toServicePrincipal() {
        return new ServicePrincipal(tenantId, clientId, clientSecret.getPlainText(), subscriptionId, cloud);
    }

    /**
     * Lists what is wrong with the fields, without contacting Azure.
     *
     * @param tenantId       the tenant id
     * @param clientId       the client id
     * @param clientSecret   the client secret
     * @param subscriptionId the subscription id
     * @param cloud          the cloud
     * @return the problems, empty when the fields look right
     */
    static List<String> problems(
            final String tenantId,
            final String clientId,
            final String clientSecret,
            final String subscriptionId,
            final String cloud) {
        return ServicePrincipalCheck.problems(new ServicePrincipal(
                Util.fixNull(tenantId),
                Util.fixNull(clientId),
                Util.fixNull(clientSecret),
                Util.fixNull(subscriptionId),
                Util.fixNull(cloud)));
    }

    /** Describes the credentials type; Configuration as Code symbol {@code dataOpsAzureServicePrincipal}. */
    @Extension
    @Symbol("dataOpsAzureServicePrincipal")
    public static class DescriptorImpl extends BaseStandardCredentialsDescriptor {
        @Override
        public String getDisplayName() {
            return "Azure service principal (DataOps)";
        }

        /**
         * Fills the cloud drop-down.
         *
         * @return the known clouds
         */
        public ListBoxModel doFillCloudItems() {
            ListBoxModel model = new ListBoxModel();
            CLOUDS.forEach(model::add);
            return model;
        }

        /**
         * Validates the fields (format only: it does not contact Azure, so it cannot leak the secret to a
         * URL an attacker chose). POST only, and only for users who may create or update credentials in the
         * store the form edits (see {@link StorePermissions}): a user's own store needs no Administer.
         *
         * @param item           the folder or job in the request's path, null for user and global credentials
         * @param user           the user in the request's path (a personal store), null otherwise
         * @param tenantId       the tenant id
         * @param clientId       the client id
         * @param clientSecret   the client secret (encrypted or plain, as the form sends it)
         * @param subscriptionId the subscription id
         * @param cloud          the cloud
         * @return ok, or every problem found
         */
        @POST
        @SuppressWarnings("checkstyle:ParameterNumber") // Stapler binds each form field to one parameter
        public FormValidation doVerifyConfiguration(
                @AncestorInPath @CheckForNull final Item item,
                @AncestorInPath @CheckForNull final User user,
                @QueryParameter final String tenantId,
                @QueryParameter final String clientId,
                @QueryParameter final String clientSecret,
                @QueryParameter final String subscriptionId,
                @QueryParameter final String cloud) {
            StorePermissions.checkMayConfigureCredentialsIn(StorePermissions.context(item, user));
            String secret = Secret.fromString(Util.fixNull(clientSecret)).getPlainText();
            List<String> problems = problems(tenantId, clientId, secret, subscriptionId, cloud);
            return problems.isEmpty()
                    ? FormValidation.ok("The service principal is well-formed.")
                    : FormValidation.error(String.join(" ", problems));
        }
    }
}
