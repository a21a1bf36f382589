package io.jenkins.plugins.dataops.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hudson.model.FreeStyleProject;
import hudson.model.Item;
import hudson.model.User;
import hudson.security.ACL;
import hudson.security.ACLContext;
import hudson.util.FormValidation;
import jenkins.model.Jenkins;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;
import org.springframework.security.access.AccessDeniedException;

/** The Verify button asks for the permission of the store the credentials live in, not always Administer. */
@WithJenkins
class VerifyPermissionTest {
    private static final String GUID = "0f8fad5b-d9cb-469f-a165-70867728950e";

    private static FreeStyleProject secure(final JenkinsRule j) throws Exception {
        j.jenkins.setSecurityRealm(j.createDummySecurityRealm());
        FreeStyleProject job = j.createFreeStyleProject("app");
        j.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.READ, Item.READ)
                .everywhere()
                .toAuthenticated()
                .grant(Item.CONFIGURE)
                .onItems(job)
                .to("carol"));
        return job;
    }

    private static FormValidation verifyAs(final JenkinsRule j, final String who, final Item item, final User user) {
        AzureServicePrincipalCredentials.DescriptorImpl descriptor =
                j.jenkins.getDescriptorByType(AzureServicePrincipalCredentials.DescriptorImpl.class);
        try (ACLContext ignored = ACL.as2(User.getById(who, true).impersonate2())) {
            return descriptor.doVerifyConfiguration(item, user, GUID, GUID, "secret", GUID, "AzureCloud");
        }
    }

    @Test
    void shouldLetAUserVerifyCredentialsInTheirOwnStoreWithoutAdminister(final JenkinsRule j) throws Exception {
        // Given
        secure(j);

        // Then
        assertThat(verifyAs(j, "alice", null, User.getById("alice", true)).kind).isEqualTo(FormValidation.Kind.OK);
    }

    @Test
    void shouldRefuseAnotherUsersStoreAndTheSystemStore(final JenkinsRule j) throws Exception {
        // Given
        secure(j);
        User alice = User.getById("alice", true);

        // Then
        assertThatThrownBy(() -> verifyAs(j, "bob", null, alice)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> verifyAs(j, "alice", null, null)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void shouldAskForConfigureOnAJobWithoutAStoreOfItsOwn(final JenkinsRule j) throws Exception {
        // Given
        FreeStyleProject job = secure(j);

        // Then
        assertThat(verifyAs(j, "carol", job, null).kind).isEqualTo(FormValidation.Kind.OK);
        assertThatThrownBy(() -> verifyAs(j, "alice", job, null)).isInstanceOf(AccessDeniedException.class);
    }
}
