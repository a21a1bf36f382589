package io.jenkins.plugins.dataops.model;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.Cause;
import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** Nobody who started a build, directly or through an upstream build, may approve its promotion. */
@WithJenkins
class ApprovalsTest {
    @Test
    void shouldCountTheUsersOfUpstreamBuildsAsRequesters(final JenkinsRule j) throws Exception {
        FreeStyleProject upstream = j.createFreeStyleProject("upstream");
        FreeStyleProject downstream = j.createFreeStyleProject("downstream");
        FreeStyleBuild started = j.assertBuildStatusSuccess(upstream.scheduleBuild2(0, new Cause.UserIdCause("alice")));

        FreeStyleBuild triggered =
                j.assertBuildStatusSuccess(downstream.scheduleBuild2(0, new Cause.UpstreamCause(started)));

        assertThat(Approvals.requesters(triggered, "SYSTEM")).containsExactly("SYSTEM", "alice");
    }
}
