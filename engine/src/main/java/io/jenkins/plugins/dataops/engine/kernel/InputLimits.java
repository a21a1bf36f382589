package io.jenkins.plugins.dataops.engine.kernel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The largest input files the engine reads, checked from the file's size before any byte is parsed: a hostile
 * or mistaken 15 MB spec is refused at once instead of costing minutes and hundreds of megabytes in the YAML
 * parser. The limits are generous for hand-written files (a spec is a page, a suite a few pages).
 */
public final class InputLimits {
    /** A data product spec. */
    public static final long SPEC_BYTES = 1L << 20;

    /** One check suite file. */
    public static final long SUITE_BYTES = 2L << 20;

    /** One changelog file (YAML, XML, SQL) or a file a changeset reads ({@code sqlFile}, {@code loadData}). */
    public static final long CHANGELOG_BYTES = 16L << 20;

    private InputLimits() {}

    /**
     * Refuses a file larger than the limit.
     *
     * @param file  the file
     * @param limit the largest size allowed, in bytes
     * @param what  what the file is, e.g. {@code spec}, for the message
     * @throws InvalidInputException naming the file, its size and the limit
     */
    public static void requireSize(final Path file, final long limit, final String what) {
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            return; // a missing or unreadable file is reported by the reader with its own message
        }
        requireLength(file.toString(), size, limit, what);
    }

    /**
     * Refuses an input already in memory, or about to be read, that is larger than the limit.
     *
     * @param name   the input's name for the message, e.g. its path
     * @param length its length in bytes
     * @param limit  the largest size allowed, in bytes
     * @param what   what the input is, e.g. {@code Spec}, for the message
     * @throws InvalidInputException naming the input, its size and the limit
     */
    public static void requireLength(final String name, final long length, final long limit, final String what) {
        if (length > limit) {
            throw new InvalidInputException(
                    "%s '%s' is %d bytes, more than the limit of %d bytes; split it or remove what it does not need."
                            .formatted(what, name, length, limit));
        }
    }
}
