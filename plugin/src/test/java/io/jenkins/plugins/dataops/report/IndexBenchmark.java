package io.jenkins.plugins.dataops.report;

import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import io.jenkins.plugins.dataops.engine.governance.Action;
import io.jenkins.plugins.dataops.engine.governance.GovernanceEvent;
import io.jenkins.plugins.dataops.engine.governance.Outcome;
import io.jenkins.plugins.dataops.engine.governance.RecordCodec;
import io.jenkins.plugins.dataops.engine.governance.report.RecordQuery;
import io.jenkins.plugins.dataops.model.GovernanceEntry;
import java.io.File;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.runner.Description;
import org.junit.runners.model.Statement;
import org.jvnet.hudson.test.JenkinsRule;

/**
 * The governance index with 1,000 jobs (run with {@code -Pjenkins}, where the Jenkins repository is reachable):
 * {@code mvn -Pjenkins -pl plugin test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=io.jenkins.plugins.dataops.report.IndexBenchmark -Dexec.args="1000 3"}. Creates the jobs, runs
 * the given number of builds in each, records two records per build through {@link GovernanceIndex#record} (as
 * the steps do) and prints: time per recorded build, the size of a job's index file, the time and size of the
 * cross-job page's first and a filtered records page (every job on the page verified), and the time to rebuild
 * the whole index from the builds in the background.
 */
public final class IndexBenchmark {
    private IndexBenchmark() {}

    /**
     * Runs the benchmark.
     *
     * @param args number of jobs (default 1000) and builds per job (default 3)
     * @throws Throwable when Jenkins cannot start or a build fails
     */
    public static void main(final String[] args) throws Throwable {
        int jobs = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int builds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        JenkinsRule j = new JenkinsRule();
        // JenkinsRule needs a test description (its recipe reads the test's annotations): run it as a rule would.
        j.apply(
                        new Statement() {
                            @Override
                            public void evaluate() throws Throwable {
                                run(j, jobs, builds);
                            }
                        },
                        Description.createSuiteDescription(IndexBenchmark.class))
                .evaluate();
    }

    private static void run(final JenkinsRule j, final int jobs, final int builds) throws Exception {
        List<FreeStyleProject> projects = new ArrayList<>();
        for (int i = 0; i < jobs; i++) {
            projects.add(j.createFreeStyleProject("job-" + i));
        }
        long recording = 0;
        for (int b = 0; b < builds; b++) {
            for (FreeStyleProject project : projects) {
                FreeStyleBuild build = j.buildAndAssertSuccess(project);
                long start = System.nanoTime();
                GovernanceIndex.get().record(build, twoRecords(build, b));
                recording += System.nanoTime() - start;
            }
        }
        File file = JobRecords.file(projects.get(0)).getFile();
        System.out.printf("jobs %d, builds %d, records %d%n", jobs, jobs * builds, jobs * builds * 2);
        System.out.printf(
                "record(): %.2f ms per build; a job's index file: %d bytes%n",
                recording / 1e6 / (jobs * builds), file.length());
        page("newest page", Map.of());
        page("newest page again (verdicts cached)", Map.of());
        page("filtered page (env=prod, q=job-7)", Map.of("env", "prod", "q", "job-7"));
        long start = System.nanoTime();
        GovernanceIndex.get().rebuild();
        while (GovernanceIndex.get().isLoading()) {
            Thread.sleep(10);
        }
        System.out.printf("rebuild from every build, in the background: %.0f ms%n", (System.nanoTime() - start) / 1e6);
    }

    private static void page(final String what, final Map<String, String> query) throws Exception {
        long start = System.nanoTime();
        StringWriter out = new StringWriter();
        GovernanceIndex.get().writePage(RecordQuery.parse(query), out);
        System.out.printf(
                "%s: %.0f ms, %d bytes%n",
                what, (System.nanoTime() - start) / 1e6, out.toString().length());
    }

    private static List<GovernanceEntry> twoRecords(final FreeStyleBuild build, final int round) {
        List<GovernanceEntry> raw = new ArrayList<>();
        for (String env : List.of("qat", "prod")) {
            LinkedHashMap<String, Object> evidence = new LinkedHashMap<>();
            evidence.put("changeSets", 3);
            GovernanceEvent event = new GovernanceEvent(
                    "alice",
                    Action.MIGRATE,
                    "customer",
                    env,
                    "1.0." + round,
                    Outcome.SUCCESS,
                    build.getExternalizableId(),
                    evidence);
            raw.add(GovernanceEntry.of(RecordCodec.chain(null, event, System.currentTimeMillis())));
        }
        return raw;
    }
}
