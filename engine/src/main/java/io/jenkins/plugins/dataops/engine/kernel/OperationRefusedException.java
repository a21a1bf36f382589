package io.jenkins.plugins.dataops.engine.kernel;

/**
 * The engine refused to do something before touching anything: a promotion gate, a rollback-readiness or
 * destructive-change check, a lock held by someone else. The message says which rule refused and why.
 */
public class OperationRefusedException extends DataOpsException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception.
     *
     * @param message the rule that refused, the evidence, and how to proceed
     */
    public OperationRefusedException(final String message) {
        super(message);
    }
}
