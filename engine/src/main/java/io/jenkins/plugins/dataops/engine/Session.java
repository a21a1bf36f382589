package io.jenkins.plugins.dataops.engine;

import io.jenkins.plugins.dataops.engine.credentials.CredentialsResolver;
import io.jenkins.plugins.dataops.engine.governance.Ledger;
import io.jenkins.plugins.dataops.engine.kernel.ProgressListener;
import java.time.Clock;
import java.util.Objects;

/**
 * Who is working, from where, and where the engine reports: the context every operation of a {@link DataOps}
 * shares.
 *
 * @param actor       who acts (OS user, {@code --actor}, or the Jenkins user)
 * @param buildRef    the build that acts (Jenkins build URL), or {@code cli}
 * @param credentials resolves the credentials ids of the spec
 * @param progress    where progress lines go
 * @param ledger      where governance records go
 * @param clock       the clock for records, expiry and evidence age
 */
public record Session(
        String actor,
        String buildRef,
        CredentialsResolver credentials,
        ProgressListener progress,
        Ledger ledger,
        Clock clock) {
    /** Validates the parts. */
    public Session {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(buildRef, "buildRef");
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(progress, "progress");
        Objects.requireNonNull(ledger, "ledger");
        Objects.requireNonNull(clock, "clock");
        if (actor.isBlank()) {
            throw new IllegalArgumentException("Session actor must not be blank; set --actor or DATAOPS_ACTOR.");
        }
        io.jenkins.plugins.dataops.engine.kernel.Identities.requirePrintable("Actor (--actor, DATAOPS_ACTOR)", actor);
    }

    /**
     * Creates a session on the system clock.
     *
     * @param actor       who acts
     * @param buildRef    the build that acts, or {@code cli}
     * @param credentials resolves credentials ids
     * @param progress    where progress lines go
     * @param ledger      where governance records go
     */
    public Session(
            final String actor,
            final String buildRef,
            final CredentialsResolver credentials,
            final ProgressListener progress,
            final Ledger ledger) {
        this(actor, buildRef, credentials, progress, ledger, Clock.systemUTC());
    }
}
