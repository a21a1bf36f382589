package io.jenkins.plugins.dataops.engine.kernel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Guards the state folder ({@code .dataops/}: the ledger, its head, the H2 databases): its files are never
 * followed through a symbolic link out of it, and no output is ever written into it or over the spec.
 */
public final class StatePaths {
    private StatePaths() {}

    /**
     * Checks that a state file does not lead out of its folder through a symbolic link.
     *
     * @param folder the state folder (or a folder inside it)
     * @param file   a file in it, which may not exist yet
     * @return the file
     * @throws OperationRefusedException when the file, or the folder itself, is a link that leads elsewhere
     */
    public static Path contained(final Path folder, final Path file) {
        if (!Files.exists(file) && !Files.isSymbolicLink(file)) {
            Path parent = file.getParent();
            if (parent != null && !parent.equals(folder) && parent.startsWith(folder)) {
                contained(folder, parent); // a linked sub-folder would lead the new file out
            }
            return file;
        }
        Path realFolder = real(folder);
        Path real;
        try {
            real = file.toRealPath();
        } catch (IOException e) {
            real = file.getRoot() == null ? file : file.getRoot(); // a dangling link leads nowhere we could check
        }
        if (!real.startsWith(realFolder)) {
            throw new OperationRefusedException(
                    "State file '%s' is a symbolic link out of its folder '%s'; state files are never followed out of it: replace the link with the real file."
                            .formatted(file, folder));
        }
        return file;
    }

    /**
     * Refuses an output file that would overwrite the state (ledger, head, databases) or the spec.
     *
     * @param option   the option that named the file, e.g. {@code --out}
     * @param out      the file to write
     * @param stateDir the state folder
     * @param spec     the spec file
     * @throws InvalidInputException when the file is inside the state folder or is the spec
     */
    public static void refuseOutputInState(final String option, final Path out, final Path stateDir, final Path spec) {
        Path target = realOrPlanned(out);
        if (target.startsWith(realOrPlanned(stateDir))) {
            throw new InvalidInputException(
                    "%s '%s' is inside the state folder '%s', where the ledger and the databases live; write the output outside it."
                            .formatted(option, out, stateDir));
        }
        if (target.equals(realOrPlanned(spec))) {
            throw new InvalidInputException(
                    "%s '%s' is the spec file; write the output to another file.".formatted(option, out));
        }
    }

    /** The real path of a file that may not exist yet: its parent's real path (links resolved) and its name. */
    private static Path realOrPlanned(final Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        if (Files.exists(absolute)) {
            return real(absolute);
        }
        Path parent = absolute.getParent();
        return parent == null ? absolute : realOrPlanned(parent).resolve(absolute.getFileName());
    }

    private static Path real(final Path path) {
        try {
            return path.toRealPath();
        } catch (IOException e) {
            return path.toAbsolutePath().normalize(); // a dangling link: compare where it claims to be
        }
    }
}
