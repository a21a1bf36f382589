package io.jenkins.plugins.dataops.engine.release;

import io.jenkins.plugins.dataops.engine.db.DatabaseTarget;

/** Checks an environment's data after a promotion or rollback: the product's data tests, run on the target. */
@FunctionalInterface
public interface Verifier {
    /**
     * Runs the checks.
     *
     * @param target the environment's database
     * @return whether they passed, with evidence
     */
    Verification verify(DatabaseTarget target);
}
