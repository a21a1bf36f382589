package io.jenkins.plugins.dataops.engine.credentials;

import io.jenkins.plugins.dataops.engine.kernel.InvalidInputException;
import java.util.Locale;
import java.util.Map;

/**
 * Resolves credentials ids from environment variables, for the command line: id {@code qat-db} reads
 * {@code DATAOPS_CRED_QAT_DB_USER} and {@code DATAOPS_CRED_QAT_DB_PASSWORD}; a service principal reads
 * {@code _TENANT}, {@code _CLIENT_ID}, {@code _CLIENT_SECRET}, {@code _SUBSCRIPTION} and optionally
 * {@code _CLOUD}.
 */
public final class EnvironmentVariableCredentials implements CredentialsResolver {
    private final Map<String, String> variables;

    /**
     * Creates a resolver over the given variables (the process environment in production, a map in tests).
     *
     * @param variables the environment variables
     */
    public EnvironmentVariableCredentials(final Map<String, String> variables) {
        this.variables = Map.copyOf(variables);
    }

    /**
     * Returns the variable prefix for a credentials id.
     *
     * @param id the credentials id
     * @return e.g. {@code DATAOPS_CRED_QAT_DB_}
     */
    public static String prefix(final String id) {
        return "DATAOPS_CRED_" + id.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_") + "_";
    }

    @Override
    public UsernamePassword usernamePassword(final String id) {
        return new UsernamePassword(required(id, "USER"), required(id, "PASSWORD"));
    }

    @Override
    public ServicePrincipal servicePrincipal(final String id) {
        return new ServicePrincipal(
                required(id, "TENANT"),
                required(id, "CLIENT_ID"),
                required(id, "CLIENT_SECRET"),
                required(id, "SUBSCRIPTION"),
                variables.getOrDefault(prefix(id) + "CLOUD", "AzureCloud"));
    }

    private String required(final String id, final String part) {
        String name = prefix(id) + part;
        String value = variables.get(name);
        if (value == null) {
            throw new InvalidInputException(
                    "Credentials '%s' are not set: environment variable '%s' is missing.".formatted(id, name));
        }
        return value;
    }
}
