package io.jenkins.plugins.dataops.engine.migrate.liquibase;

import io.jenkins.plugins.dataops.engine.kernel.InvalidInputException;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The class loader Liquibase gets in its scope: the engine's own, extended by the extension jars of the spec (a
 * jar, or a folder whose {@code *.jar} files count in name order) so that {@code customChange} classes resolve.
 * Never the thread's context class loader, which in Jenkins belongs to someone else.
 */
final class ExtensionLoader implements AutoCloseable {
    private final ClassLoader loader;
    private final URLClassLoader owned;

    private ExtensionLoader(final ClassLoader loader, final URLClassLoader owned) {
        this.loader = loader;
        this.owned = owned;
    }

    static ExtensionLoader of(final List<Path> extensions, final Class<?> anchor) {
        ClassLoader parent = anchor.getClassLoader();
        List<URL> urls = new ArrayList<>();
        for (Path jar : jars(extensions)) {
            try {
                urls.add(jar.toUri().toURL());
            } catch (MalformedURLException e) {
                throw new InvalidInputException("Extension '%s' is not a usable path.".formatted(jar), e);
            }
        }
        if (urls.isEmpty()) {
            return new ExtensionLoader(parent, null);
        }
        URLClassLoader owned = new URLClassLoader("dataops-extensions", urls.toArray(URL[]::new), parent);
        return new ExtensionLoader(owned, owned);
    }

    /**
     * Expands folders into their jars.
     *
     * @param extensions jars and folders
     * @return the jars, in order
     */
    static List<Path> jars(final List<Path> extensions) {
        List<Path> jars = new ArrayList<>();
        for (Path entry : extensions) {
            if (!Files.isDirectory(entry)) {
                jars.add(entry);
                continue;
            }
            try (Stream<Path> files = Files.list(entry)) {
                files.filter(f -> f.getFileName().toString().endsWith(".jar"))
                        .sorted()
                        .forEach(jars::add);
            } catch (IOException e) {
                throw new InvalidInputException(
                        "Extension folder '%s' cannot be read: %s".formatted(entry, e.getMessage()), e);
            }
        }
        return jars;
    }

    ClassLoader loader() {
        return loader;
    }

    @Override
    public void close() throws IOException {
        if (owned != null) {
            owned.close();
        }
    }
}
