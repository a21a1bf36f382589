package io.jenkins.plugins.dataops.steps;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.FilePath;
import hudson.Util;
import hudson.model.Descriptor;
import hudson.model.Run;
import hudson.model.TaskListener;
import java.util.Set;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * What every DataOps step shares: the optional {@code spec} parameter (the data product spec, relative to the
 * workspace; default {@code dataops.yaml} or what the administrator configured) and the need for a workspace.
 */
public abstract class DataOpsStep extends Step {
    @CheckForNull
    private String spec;

    @CheckForNull
    public String getSpec() {
        return spec;
    }

    /**
     * Sets the spec file.
     *
     * @param spec a path relative to the workspace; empty for the default
     */
    @DataBoundSetter
    public void setSpec(@CheckForNull final String spec) {
        this.spec = Util.fixEmptyAndTrim(spec);
    }

    /**
     * Checks a required text parameter.
     *
     * @param value the value
     * @param name  the parameter name
     * @return the trimmed value
     * @throws Descriptor.FormException naming the parameter when it is blank
     */
    static String required(@CheckForNull final String value, final String name) throws Descriptor.FormException {
        String trimmed = Util.fixEmptyAndTrim(value);
        if (trimmed == null) {
            throw new Descriptor.FormException("The parameter '%s' is required.".formatted(name), name);
        }
        return trimmed;
    }

    /** The descriptor base: every step runs inside {@code node}, on the workspace's agent. */
    public abstract static class DataOpsStepDescriptor extends StepDescriptor {
        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(Run.class, TaskListener.class, FilePath.class);
        }
    }
}
