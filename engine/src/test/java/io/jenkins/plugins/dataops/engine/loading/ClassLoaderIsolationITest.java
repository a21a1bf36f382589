package io.jenkins.plugins.dataops.engine.loading;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.dataops.engine.DataOps;
import io.jenkins.plugins.dataops.engine.testing.ExampleProduct;
import io.jenkins.plugins.dataops.engine.testing.PostgresServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine as Jenkins loads it: its classes and runtime jars in a child class loader whose parent is the
 * platform class loader, while the thread's context class loader is a foreign one that sees none of them (core's
 * loader on a step thread). Twice in one JVM, as after an agent reconnects: each loader must find its own JDBC
 * drivers and Liquibase services, and leave no driver behind in {@link java.sql.DriverManager}.
 */
class ClassLoaderIsolationITest {
    @TempDir
    private Path dir;

    @Test
    void shouldRunTheLifecycleTwiceInFreshClassLoadersOnH2() throws Exception {
        for (int run = 1; run <= 2; run++) {
            ExampleProduct product = ExampleProduct.onH2(Files.createDirectory(dir.resolve("h2-" + run)));
            assertLifecycleSucceeds(product, "h2-" + run);
        }
    }

    @Test
    void shouldRunTheLifecycleTwiceInFreshClassLoadersOnPostgres() throws Exception {
        for (int run = 1; run <= 2; run++) {
            ExampleProduct product = ExampleProduct.onPostgres(
                    Files.createDirectory(dir.resolve("pg-" + run)), "isolated_" + run + "_" + System.nanoTime());
            assertLifecycleSucceeds(product, "pg-" + run);
        }
    }

    private void assertLifecycleSucceeds(final ExampleProduct product, final String name) throws Exception {
        List<String> facts = runIsolated(
                Map.of(
                        IsolatedLifecycle.SPEC, product.spec().toString(),
                        IsolatedLifecycle.CREDENTIALS_ID, ExampleProduct.PG_ADMIN,
                        IsolatedLifecycle.USER, PostgresServer.SUPERUSER,
                        IsolatedLifecycle.PASSWORD, PostgresServer.SUPERUSER_PASSWORD),
                dir.resolve("scenario-" + name));
        assertThat(facts)
                .as("the lifecycle's outcome and the drivers the child loader left in DriverManager")
                .containsExactly(IsolatedLifecycle.ROLLED_BACK_TO + "1.0.0");
    }

    /** Runs {@link IsolatedLifecycle} in a fresh child loader under a foreign context class loader. */
    @SuppressWarnings("unchecked")
    private static List<String> runIsolated(final Map<String, String> settings, final Path scenarioDir)
            throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader original = thread.getContextClassLoader();
        try (URLClassLoader foreign = new URLClassLoader(new URL[0], ClassLoader.getPlatformClassLoader());
                URLClassLoader child =
                        new URLClassLoader(engineClassPath(scenarioDir), ClassLoader.getPlatformClassLoader())) {
            Class<?> scenario = Class.forName(IsolatedLifecycle.class.getName(), true, child);
            assertThat(scenario.getClassLoader()).isSameAs(child);
            thread.setContextClassLoader(foreign);
            try {
                Object lifecycle = scenario.getConstructor().newInstance();
                return ((Function<Map<String, String>, List<String>>) lifecycle).apply(settings);
            } finally {
                thread.setContextClassLoader(original);
            }
        }
    }

    /**
     * The engine's classes, the runtime jars Maven listed at {@code generate-test-resources}, and a folder holding
     * only the scenario class (the rest of the test classes and test jars stay out of the child's sight).
     */
    private static URL[] engineClassPath(final Path scenarioDir) throws IOException, URISyntaxException {
        Path testClasses = location(IsolatedLifecycle.class);
        Path target = testClasses.getParent();
        List<URL> urls = new ArrayList<>();
        urls.add(location(DataOps.class).toUri().toURL());
        String classPath =
                Files.readString(target.resolve("engine-runtime.classpath")).strip();
        for (String jar : classPath.split(java.io.File.pathSeparator)) {
            urls.add(toUrl(Path.of(jar)));
        }
        String classFile = IsolatedLifecycle.class.getName().replace('.', '/') + ".class";
        Path copy = scenarioDir.resolve(classFile);
        Files.createDirectories(copy.getParent());
        Files.copy(testClasses.resolve(classFile), copy);
        urls.add(toUrl(scenarioDir));
        return urls.toArray(URL[]::new);
    }

    private static Path location(final Class<?> type) throws URISyntaxException {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    private static URL toUrl(final Path path) {
        try {
            return path.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new UncheckedIOException(e);
        }
    }
}
