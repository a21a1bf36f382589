package io.jenkins.plugins.dataops.engine.policy;

/** The defaults a front end's steps use when the script does not say. */
public final class StepDefaults {
    /** The spec file, relative to the workspace, when a step names none. */
    public static final String SPEC = "dataops.yaml";

    /** The data-test step's {@code failOn}. */
    public static final FailOnPolicy FAIL_ON = FailOnPolicy.ERROR;

    private StepDefaults() {}

    /**
     * Returns the spec file a step uses.
     *
     * @param stepSpec     the spec the step names, may be null or blank
     * @param adminDefault the administrator's default, may be null or blank
     * @return the step's spec, else the administrator's, else {@value #SPEC}
     */
    public static String spec(final String stepSpec, final String adminDefault) {
        if (stepSpec != null && !stepSpec.isBlank()) {
            return stepSpec.trim();
        }
        return adminDefault == null || adminDefault.isBlank() ? SPEC : adminDefault.trim();
    }
}
