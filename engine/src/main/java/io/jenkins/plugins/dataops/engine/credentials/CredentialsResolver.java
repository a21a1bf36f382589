package io.jenkins.plugins.dataops.engine.credentials;

import io.jenkins.plugins.dataops.engine.kernel.InvalidInputException;

/**
 * Turns a credentials id from the spec into the secret it names. The CLI resolves ids from environment
 * variables, the Jenkins plugin through the credentials plugin (resolved on the controller, shipped to the
 * agent as a {@link MapCredentialsResolver}).
 */
public interface CredentialsResolver {
    /**
     * Looks up a database login.
     *
     * @param id the credentials id
     * @return the login
     * @throws InvalidInputException when no such credentials exist, naming the id and where they were looked for
     */
    UsernamePassword usernamePassword(String id);

    /**
     * Looks up an Azure service principal.
     *
     * @param id the credentials id
     * @return the service principal
     * @throws InvalidInputException when no such credentials exist, naming the id and where they were looked for
     */
    ServicePrincipal servicePrincipal(String id);
}
