package io.jenkins.plugins.dataops.engine.migrate.liquibase;

import io.jenkins.plugins.dataops.engine.kernel.InvalidInputException;
import io.jenkins.plugins.dataops.engine.migrate.ChangeLogFiles;
import io.jenkins.plugins.dataops.engine.migrate.ChangeLogSources;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The folders a changelog may read, and what it did read. A file is admitted when its real location (every
 * symbolic link resolved) lies in the product's folder or in an entry of the search path, and not in the state
 * folder; a refused file is never opened. Reads are named relative to the root that holds them, so the names are
 * the same in every checkout.
 */
final class ReadBoundary {
    /** The state folder beside the spec: ledger, embedded databases, locks; never part of a release. */
    private static final String STATE_FOLDER = ".dataops";

    private record Root(Path real, String prefix) {}

    private final Path product;
    private final List<Root> roots = new ArrayList<>();
    private final Map<String, ChangeLogFiles.File> reads = new TreeMap<>();
    private String reader = "";
    private @Nullable InvalidInputException refusal;

    private ReadBoundary(final Path product) {
        this.product = product;
    }

    /**
     * Builds the boundary of a changelog's sources.
     *
     * @param sources the changelog, the product's folder and the search path
     * @return the boundary
     * @throws IOException when the product's folder or a search path entry cannot be resolved
     */
    static ReadBoundary of(final ChangeLogSources sources) throws IOException {
        Path product = sources.productDir().toAbsolutePath().normalize();
        ReadBoundary boundary = new ReadBoundary(product.toRealPath());
        boundary.roots.add(new Root(boundary.product, ""));
        for (Path entry : sources.searchPath()) {
            Path logical = entry.toAbsolutePath().normalize();
            String prefix = logical.startsWith(product)
                    ? product.relativize(logical).toString().replace('\\', '/') + "/"
                    : logical.getFileName() + "/";
            boundary.roots.add(new Root(logical.toRealPath(), prefix));
        }
        return boundary;
    }

    /** Names who reads from now on, for the refusal: a changeset ({@code id::author}, file) or the changelog. */
    void readBy(final String who) {
        this.reader = who;
    }

    /**
     * Decides whether a file may be opened, and records it when it may.
     *
     * @param file the file, as the migration tool resolved it
     * @return true to open it; false when it is refused (the refusal is kept for {@link #throwIfRefused})
     */
    boolean admit(final Path file) {
        Path real;
        try {
            real = file.toRealPath();
        } catch (NoSuchFileException e) {
            return true; // nothing to read: the migration tool reports the missing file itself
        } catch (IOException e) {
            return refuse(file, "cannot be resolved (" + e.getMessage() + ")");
        }
        if (real.startsWith(product.resolve(STATE_FOLDER))) {
            return refuse(file, "is in the state folder '" + STATE_FOLDER + "'");
        }
        for (Root root : roots) {
            if (real.startsWith(root.real())) {
                String name =
                        root.prefix() + root.real().relativize(real).toString().replace('\\', '/');
                reads.putIfAbsent(name, new ChangeLogFiles.File(name, real));
                return true;
            }
        }
        String where = real.equals(file.toAbsolutePath().normalize()) ? "" : " (it resolves to '" + real + "')";
        return refuse(file, "lies outside the product's folder '" + product + "'" + where);
    }

    private boolean refuse(final Path file, final String why) {
        if (refusal == null) {
            refusal = new InvalidInputException(("%s reads '%s', which %s; keep every file the changelog reads "
                            + "inside the product's folder (or a 'searchPath' folder of the spec), copying shared "
                            + "files in, not linking out.")
                    .formatted(reader, file, why));
        }
        return false;
    }

    Optional<InvalidInputException> refusal() {
        return Optional.ofNullable(refusal);
    }

    /**
     * Throws the first refusal, if any.
     *
     * @throws InvalidInputException naming the reader and the path
     */
    void throwIfRefused() {
        if (refusal != null) {
            throw refusal;
        }
    }

    List<ChangeLogFiles.File> files() {
        return List.copyOf(reads.values());
    }
}
