package io.jenkins.plugins.dataops.engine.loading;

import io.jenkins.plugins.dataops.engine.DataOps;
import io.jenkins.plugins.dataops.engine.MigrateRequest;
import io.jenkins.plugins.dataops.engine.PromoteRequest;
import io.jenkins.plugins.dataops.engine.ProvisionRequest;
import io.jenkins.plugins.dataops.engine.RollbackRequest;
import io.jenkins.plugins.dataops.engine.RollbackResult;
import io.jenkins.plugins.dataops.engine.Session;
import io.jenkins.plugins.dataops.engine.TestRequest;
import io.jenkins.plugins.dataops.engine.credentials.MapCredentialsResolver;
import io.jenkins.plugins.dataops.engine.credentials.UsernamePassword;
import io.jenkins.plugins.dataops.engine.governance.MemoryLedger;
import io.jenkins.plugins.dataops.engine.kernel.ProgressListener;
import io.jenkins.plugins.dataops.engine.spec.SpecLoader;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The whole lifecycle, run inside a child class loader by {@link ClassLoaderIsolationITest}. It sees only the
 * engine, its runtime jars and the JDK, so it speaks to the test through JDK types only: a map of settings in,
 * a list of facts out.
 */
public final class IsolatedLifecycle implements Function<Map<String, String>, List<String>> {
    /** Settings: the spec file, and the login the spec's {@code credentials} id resolves to. */
    public static final String SPEC = "spec";

    public static final String CREDENTIALS_ID = "credentialsId";
    public static final String USER = "user";
    public static final String PASSWORD = "password";

    /** Facts: the release the rollback reached, and each driver of this loader left in DriverManager. */
    public static final String ROLLED_BACK_TO = "rolledBackTo=";

    public static final String LEFT_REGISTERED = "registered=";

    @Override
    public List<String> apply(final Map<String, String> settings) {
        MapCredentialsResolver credentials = new MapCredentialsResolver()
                .withLogin(
                        settings.get(CREDENTIALS_ID), new UsernamePassword(settings.get(USER), settings.get(PASSWORD)));
        DataOps dataOps = new DataOps(
                SpecLoader.load(Path.of(settings.get(SPEC))),
                new Session(
                        "alice", "test", credentials, ProgressListener.NONE, new MemoryLedger(), Clock.systemUTC()));
        dataOps.provision(ProvisionRequest.of("dev"));
        dataOps.provision(ProvisionRequest.of("qat"));
        dataOps.migrate(MigrateRequest.of("dev").withTag("1.0.0"));
        require(!dataOps.test(TestRequest.of("dev")).breached(), "data tests pass on dev at 1.0.0");
        dataOps.promote(PromoteRequest.of("1.0.0", "dev", "qat"));
        dataOps.migrate(MigrateRequest.of("dev").withTag("1.1.0"));
        require(!dataOps.test(TestRequest.of("dev")).breached(), "data tests pass on dev at 1.1.0");
        dataOps.promote(PromoteRequest.of("1.1.0", "dev", "qat"));
        RollbackResult rollback = dataOps.rollback(RollbackRequest.of("qat"));
        List<String> facts = new ArrayList<>();
        facts.add(ROLLED_BACK_TO + rollback.toRelease());
        for (java.sql.Driver driver : Collections.list(DriverManager.getDrivers())) {
            if (driver.getClass().getClassLoader() == getClass().getClassLoader()) {
                facts.add(LEFT_REGISTERED + driver.getClass().getName());
            }
        }
        return facts;
    }

    private static void require(final boolean condition, final String what) {
        if (!condition) {
            throw new IllegalStateException("Expected: " + what);
        }
    }
}
