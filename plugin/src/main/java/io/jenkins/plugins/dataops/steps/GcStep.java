package io.jenkins.plugins.dataops.steps;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.Extension;
import io.jenkins.plugins.dataops.engine.DataOps;
import java.io.File;
import java.io.Serial;
import java.util.LinkedHashMap;
import java.util.List;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;

/**
 * {@code dataOpsGc()}: destroys every ephemeral environment of the spec's product whose expiry has passed. The
 * engine finds them where they live (the provider's own marks: PostgreSQL comments, the H2 database itself), so
 * a fresh workspace on a new cloud agent still finds what earlier builds created. Each destroy is recorded in
 * this build. Returns {@code destroyed}: the names destroyed. Run it from a job of its own, named in the global
 * configuration's {@code gcJobs} (built every {@code gcIntervalMinutes}) or with a {@code cron} trigger.
 */
public class GcStep extends DataOpsStep {
    /**
     * A name no spec declares: it stands for the spec's ephemeral template, whose credentials gc needs (every
     * ephemeral environment is an instance of that template).
     */
    static final String TEMPLATE = "dataops-gc-template";

    /** Creates the step; its only parameter is the optional {@code spec}. */
    @DataBoundConstructor
    public GcStep() {
        super();
    }

    @Override
    public StepExecution start(final StepContext context) {
        return new Execution(context, getSpec());
    }

    /** Lets the destroys in flight finish on abort and collects their records after a restart. */
    private static final class Execution extends RecordedStepExecution {
        @Serial
        private static final long serialVersionUID = 1L;

        Execution(final StepContext context, @CheckForNull final String spec) {
            super(context, spec, new Task(), "dataOpsGc");
        }
    }

    private static final class Task extends EngineTask {
        @Serial
        private static final long serialVersionUID = 1L;

        @Override
        public List<String> environments() {
            return List.of(TEMPLATE);
        }

        @Override
        public LinkedHashMap<String, Object> run(final DataOps dataOps, final File workspace) {
            return EngineGateway.gc(dataOps);
        }
    }

    /** Registers {@code dataOpsGc}. */
    @Extension
    public static class DescriptorImpl extends DataOpsStepDescriptor {
        @Override
        public String getFunctionName() {
            return "dataOpsGc";
        }

        @Override
        public String getDisplayName() {
            return "DataOps: destroy expired ephemeral environments";
        }
    }
}
