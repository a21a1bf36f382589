package io.jenkins.plugins.dataops.credentials;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import hudson.AbortException;
import hudson.model.Run;
import io.jenkins.plugins.dataops.engine.credentials.MapCredentialsResolver;
import io.jenkins.plugins.dataops.engine.credentials.ServicePrincipal;
import io.jenkins.plugins.dataops.engine.credentials.UsernamePassword;
import io.jenkins.plugins.dataops.engine.kernel.DataOpsException;
import io.jenkins.plugins.dataops.util.ConsoleProgress;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Resolves the credentials ids a spec names, on the controller, in the context of the build (folder and job
 * credentials included, with the build's authentication), records their use on the build, and packs them for
 * the agent. Database logins are Username/Password credentials; service principals are
 * {@link AzureServicePrincipalCredentials} or, when the azure-credentials plugin is installed, its "Azure Service
 * Principal" (see {@link AzureCredentialsPluginSupport}).
 */
public final class CredentialsBridge {
    private final MapCredentialsResolver resolver = new MapCredentialsResolver();
    private final List<String> masks = new ArrayList<>();

    private CredentialsBridge() {}

    /**
     * Resolves every id.
     *
     * @param run the build
     * @param ids the credentials ids the spec names for the environments of this step
     * @return the resolved credentials
     * @throws AbortException naming the id when no credentials of a supported type exist for it
     */
    public static CredentialsBridge resolve(final Run<?, ?> run, final Collection<String> ids) throws AbortException {
        CredentialsBridge bridge = new CredentialsBridge();
        for (String id : ids) {
            bridge.add(run, id);
        }
        return bridge;
    }

    private void add(final Run<?, ?> run, final String id) throws AbortException {
        StandardUsernamePasswordCredentials login =
                CredentialsProvider.findCredentialById(id, StandardUsernamePasswordCredentials.class, run);
        if (login != null) {
            CredentialsProvider.track(run, login);
            String password = login.getPassword().getPlainText();
            resolver.withLogin(id, new UsernamePassword(login.getUsername(), password));
            masks.add(password);
            if (login.isUsernameSecret()) {
                masks.add(login.getUsername());
            }
            return;
        }
        AzureServicePrincipalCredentials principal =
                CredentialsProvider.findCredentialById(id, AzureServicePrincipalCredentials.class, run);
        if (principal != null) {
            CredentialsProvider.track(run, principal);
            resolver.withServicePrincipal(id, principal.toServicePrincipal());
            masks.add(principal.getClientSecret().getPlainText());
            return;
        }
        if (AzureCredentialsPluginSupport.isAvailable() && addAzureCredentials(run, id)) {
            return;
        }
        throw new AbortException(("No Username/Password or Azure service principal credentials with id '%s' are "
                        + "visible to %s; add them (scope Global) to the job, its folder or Jenkins.")
                .formatted(id, run.getParent().getFullName()));
    }

    private boolean addAzureCredentials(final Run<?, ?> run, final String id) throws AbortException {
        try {
            ServicePrincipal principal = AzureCredentialsPluginSupport.find(run, id);
            if (principal == null) {
                return false;
            }
            resolver.withServicePrincipal(id, principal);
            masks.add(principal.clientSecret());
            return true;
        } catch (DataOpsException e) {
            throw new AbortException(ConsoleProgress.PREFIX + e.getMessage());
        }
    }

    public MapCredentialsResolver getResolver() {
        return resolver;
    }

    /**
     * Returns the secret values to hide in console output.
     *
     * @return the secrets
     */
    public List<String> getMasks() {
        return List.copyOf(masks);
    }
}
