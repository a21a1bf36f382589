package io.jenkins.plugins.dataops.engine.credentials;

import java.io.Serial;
import java.io.Serializable;
import java.util.Objects;

/**
 * A database login. {@link #toString()} never shows the password.
 *
 * @param username the login name
 * @param password the password
 */
public record UsernamePassword(String username, String password) implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    /** Validates the parts. */
    public UsernamePassword {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
    }

    @Override
    public String toString() {
        return "UsernamePassword[" + username + ", ****]";
    }
}
