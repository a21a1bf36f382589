package io.jenkins.plugins.dataops.engine.provision;

/** What applying a plan does to one resource. */
public enum ChangeAction {
    /** The resource does not exist and will be created. */
    CREATE,
    /** The resource exists and differs from the spec. */
    UPDATE,
    /** The resource exists as the spec declares it. */
    NO_OP,
    /** The resource exists and will be removed. */
    DELETE
}
