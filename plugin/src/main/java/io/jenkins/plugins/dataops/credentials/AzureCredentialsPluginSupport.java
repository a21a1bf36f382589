package io.jenkins.plugins.dataops.credentials;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.microsoft.azure.util.AzureCredentials;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.PluginWrapper;
import hudson.Util;
import hudson.model.Run;
import io.jenkins.plugins.dataops.engine.credentials.ServicePrincipal;
import io.jenkins.plugins.dataops.engine.policy.ServicePrincipalCheck;
import jenkins.model.Jenkins;

/**
 * Accepts the azure-credentials plugin's "Azure Service Principal" ({@link AzureCredentials}) besides the
 * plugin's own type. azure-credentials is an optional dependency: this is the only class that names its types,
 * and {@link #isAvailable()} must be true before any other method is called, so without that plugin the class
 * that would fail to link is never loaded (Jenkins adds an installed optional dependency to the plugin's class
 * loader; an absent one is simply not there). The mapping and its checks are the engine's
 * ({@link ServicePrincipalCheck#fromAzureCredentials}).
 */
final class AzureCredentialsPluginSupport {
    /** The short name of the azure-credentials plugin. */
    static final String PLUGIN = "azure-credentials";

    private AzureCredentialsPluginSupport() {}

    /**
     * Tells whether the azure-credentials plugin is installed and active.
     *
     * @return true when its types can be used
     */
    static boolean isAvailable() {
        PluginWrapper plugin = Jenkins.get().getPluginManager().getPlugin(PLUGIN);
        return plugin != null && plugin.isActive();
    }

    /**
     * Finds azure-credentials service principal credentials in the build's context and records their use.
     *
     * @param run the build
     * @param id  the credentials id
     * @return the engine's service principal, or null when no such credentials exist
     * @throws io.jenkins.plugins.dataops.engine.kernel.InvalidInputException when they exist but cannot work
     *                                                                       (a certificate, an unknown cloud)
     */
    @CheckForNull
    static ServicePrincipal find(final Run<?, ?> run, final String id) {
        AzureCredentials credentials = CredentialsProvider.findCredentialById(id, AzureCredentials.class, run);
        if (credentials == null) {
            return null;
        }
        CredentialsProvider.track(run, credentials);
        return ServicePrincipalCheck.fromAzureCredentials(
                id,
                new ServicePrincipal(
                        Util.fixNull(credentials.getTenant()),
                        Util.fixNull(credentials.getClientId()),
                        credentials.getPlainClientSecret(),
                        Util.fixNull(credentials.getSubscriptionId()),
                        Util.fixNull(credentials.getAzureEnvironmentName())),
                Util.fixEmptyAndTrim(credentials.getCertificateId()) != null);
    }
}
