package io.jenkins.plugins.dataops.engine.kernel;

/**
 * A promotion passed its gates and was applied, but the target's post-deploy data tests failed. The message
 * says whether the target was rolled back to its previous release or kept (spec {@code onFailure}).
 */
public class PromotionFailedException extends DataOpsException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception.
     *
     * @param message what failed, and what the target runs now
     */
    public PromotionFailedException(final String message) {
        super(message);
    }
}
