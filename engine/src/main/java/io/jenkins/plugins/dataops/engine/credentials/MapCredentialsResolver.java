package io.jenkins.plugins.dataops.engine.credentials;

import io.jenkins.plugins.dataops.engine.kernel.InvalidInputException;
import java.io.Serial;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;

/** Credentials resolved ahead of time, e.g. by Jenkins on the controller, and shipped with the request. */
public final class MapCredentialsResolver implements CredentialsResolver, Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    private final LinkedHashMap<String, UsernamePassword> logins = new LinkedHashMap<>();
    private final LinkedHashMap<String, ServicePrincipal> principals = new LinkedHashMap<>();

    /**
     * Adds a database login.
     *
     * @param id    the credentials id
     * @param login the login
     * @return this
     */
    public MapCredentialsResolver withLogin(final String id, final UsernamePassword login) {
        logins.put(id, login);
        return this;
    }

    /**
     * Adds a service principal.
     *
     * @param id        the credentials id
     * @param principal the service principal
     * @return this
     */
    public MapCredentialsResolver withServicePrincipal(final String id, final ServicePrincipal principal) {
        principals.put(id, principal);
        return this;
    }

    @Override
    public UsernamePassword usernamePassword(final String id) {
        return find(logins, id, "username/password");
    }

    @Override
    public ServicePrincipal servicePrincipal(final String id) {
        return find(principals, id, "Azure service principal");
    }

    private static <T> T find(final Map<String, T> map, final String id, final String kind) {
        T value = map.get(id);
        if (value == null) {
            throw new InvalidInputException(
                    "No %s credentials with id '%s' were provided; known ids: %s.".formatted(kind, id, map.keySet()));
        }
        return value;
    }
}
