package io.jenkins.plugins.dataops.engine.provision.azure;

import io.jenkins.plugins.dataops.engine.credentials.MapCredentialsResolver;
import io.jenkins.plugins.dataops.engine.credentials.ServicePrincipal;
import io.jenkins.plugins.dataops.engine.credentials.UsernamePassword;
import io.jenkins.plugins.dataops.engine.kernel.ProgressListener;
import io.jenkins.plugins.dataops.engine.provision.ProvisioningContext;
import io.jenkins.plugins.dataops.engine.spec.DataProductSpec;
import io.jenkins.plugins.dataops.engine.spec.EnvironmentSpec;
import io.jenkins.plugins.dataops.engine.spec.SpecPolicy;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Specs, credentials and a recording progress listener for the azure-sql tests. */
final class AzureFixtures {
    static final String CLIENT_SECRET = "sp-Secret~9f8e7d6c5b4a";
    static final String ADMIN_PASSWORD = "Adm1n-P@ssw0rd-3c2b1a";
    static final String ADMIN_LOGIN = "dataops_admin";
    static final String GROUP = "rg-customer-prod";
    static final String SERVER = "sql-customer-prod";
    static final String DATABASE = "customer";
    static final String BUILD = "https://ci.example.com/job/customer/42/";

    private AzureFixtures() {}

    static MapCredentialsResolver credentials() {
        return new MapCredentialsResolver()
                .withServicePrincipal(
                        "azure-prod",
                        new ServicePrincipal("tenant-1", "client-1", CLIENT_SECRET, FakeArm.SUBSCRIPTION, "AzureCloud"))
                .withLogin("sql-prod-admin", new UsernamePassword(ADMIN_LOGIN, ADMIN_PASSWORD));
    }

    /** The prod environment of the example, with a firewall rule for the office. */
    static Map<String, Object> settings() {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("provider", "azure-sql");
        settings.put("credentials", "azure-prod");
        settings.put("sqlCredentials", "sql-prod-admin");
        settings.put("resourceGroup", GROUP);
        settings.put("server", SERVER);
        settings.put("location", "westeurope");
        settings.put("sku", "S1");
        settings.put("firewall", List.of(Map.of("name", "office", "start", "203.0.113.0", "end", "203.0.113.255")));
        settings.put("protected", true);
        return settings;
    }

    static Map<String, Object> with(final Map<String, Object> settings, final String key, final Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(settings);
        copy.put(key, value);
        return copy;
    }

    static ProvisioningContext context(final Map<String, Object> settings, final ProgressListener progress) {
        return context("prod", settings, progress, null);
    }

    static ProvisioningContext context(
            final String environment,
            final Map<String, Object> settings,
            final ProgressListener progress,
            final Instant expiresAt) {
        EnvironmentSpec env = new EnvironmentSpec(environment, "azure-sql", settings);
        DataProductSpec spec = new DataProductSpec(
                Path.of("dataops.yaml"),
                "customer",
                Path.of("db/changelog.yaml"),
                Path.of("checks"),
                List.of("dev", "qat", environment),
                Map.of(environment, env),
                null,
                SpecPolicy.STRICT);
        return new ProvisioningContext(spec, env, credentials(), progress, "alice", BUILD, expiresAt);
    }

    /** Collects every progress line. */
    static final class RecordingProgress implements ProgressListener {
        private final List<String> lines = new ArrayList<>();

        @Override
        public void info(final String message) {
            lines.add("INFO " + message);
        }

        @Override
        public void warn(final String message) {
            lines.add("WARN " + message);
        }

        @Override
        public void error(final String message) {
            lines.add("ERROR " + message);
        }

        List<String> lines() {
            return List.copyOf(lines);
        }
    }
}
