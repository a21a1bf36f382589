package io.jenkins.plugins.dataops.engine.provision.azure;

import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpPipeline;
import com.azure.core.http.jdk.httpclient.JdkHttpClientBuilder;
import com.azure.core.http.policy.ExponentialBackoff;
import com.azure.core.http.policy.HttpLogDetailLevel;
import com.azure.core.http.policy.HttpLogOptions;
import com.azure.core.http.policy.RetryPolicy;
import com.azure.core.management.profile.AzureProfile;
import com.azure.identity.ClientSecretCredentialBuilder;
import com.azure.resourcemanager.resources.fluentcore.utils.HttpPipelineProvider;
import io.jenkins.plugins.dataops.engine.credentials.ServicePrincipal;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * Everything the provider needs to talk to Azure Resource Manager: the profile (cloud endpoints, tenant,
 * subscription) and the HTTP pipeline (authentication, retry with backoff, HTTP client). The provider reads
 * no endpoint and no credential from anywhere else, so tests build a connection to a local fake.
 */
public final class ArmConnection {
    /** Retries of throttled (429) and transient (5xx, I/O) requests, honouring the {@code Retry-After} header. */
    private static final int MAX_RETRIES = 5;

    private final AzureProfile profile;
    private final HttpPipeline pipeline;

    /**
     * Creates a connection from its parts.
     *
     * @param profile  the cloud endpoints, tenant and subscription
     * @param pipeline the HTTP pipeline with its authentication and retry policies
     */
    public ArmConnection(final AzureProfile profile, final HttpPipeline pipeline) {
        this.profile = Objects.requireNonNull(profile, "profile");
        this.pipeline = Objects.requireNonNull(pipeline, "pipeline");
        Objects.requireNonNull(profile.getSubscriptionId(), "the profile needs a subscription id");
    }

    /**
     * Connects to the real Azure cloud of a service principal: a client-secret credential at the cloud's
     * authority host, retries with exponential backoff, no HTTP logging (headers carry tokens).
     *
     * @param principal the service principal
     * @return the connection; no request is made yet
     * @throws io.jenkins.plugins.dataops.engine.kernel.InvalidInputException for an unknown cloud name
     */
    public static ArmConnection forServicePrincipal(final ServicePrincipal principal) {
        AzureCloud cloud = AzureCloud.of(principal.cloud());
        TokenCredential credential = new ClientSecretCredentialBuilder()
                .authorityHost(cloud.authorityHost())
                .tenantId(principal.tenantId())
                .clientId(principal.clientId())
                .clientSecret(principal.clientSecret())
                .build();
        AzureProfile profile = new AzureProfile(principal.tenantId(), principal.subscriptionId(), cloud.environment());
        RetryPolicy retry = new RetryPolicy(
                new ExponentialBackoff(MAX_RETRIES, Duration.ofSeconds(1), Duration.ofSeconds(30)),
                "Retry-After",
                ChronoUnit.SECONDS);
        HttpPipeline pipeline = HttpPipelineProvider.buildHttpPipeline(
                credential,
                profile,
                null,
                new HttpLogOptions().setLogLevel(HttpLogDetailLevel.NONE),
                null,
                retry,
                null,
                new JdkHttpClientBuilder().build());
        return new ArmConnection(profile, pipeline);
    }

    AzureProfile profile() {
        return profile;
    }

    HttpPipeline pipeline() {
        return pipeline;
    }

    String subscriptionId() {
        return profile.getSubscriptionId();
    }
}
