package io.jenkins.plugins.dataops.engine.governance;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Reads a ledger file line by line as bytes, with the line breaks of {@link java.io.BufferedReader#readLine()}
 * ({@code \n}, {@code \r} or {@code \r\n}), so a line is checked and hashed as the bytes that were written, without
 * decoding it to a String first. One buffer, grown only for a line longer than it.
 */
final class LedgerLines {
    /** Large enough for dozens of records per read; a record of the demo is about 1.5 KB. */
    private static final int BUFFER_BYTES = 256 * 1024;

    /** Receives each line: {@code bytes[start..end)}, valid only during the call. */
    @FunctionalInterface
    interface LineConsumer {
        /**
         * Receives a line.
         *
         * @param bytes  the buffer
         * @param start  the line's first byte
         * @param end    after its last byte (the line break excluded)
         * @param number the line number, 1-based
         */
        void accept(byte[] bytes, int start, int end, long number);
    }

    private final InputStream in;
    private byte[] buffer = new byte[BUFFER_BYTES];
    private int start;
    private int limit;
    private long number;

    private LedgerLines(final InputStream in) {
        this.in = in;
    }

    /**
     * Hands every line of a file to the consumer, in order.
     *
     * @param file     the file
     * @param consumer receives each line
     * @throws IOException when the file cannot be read
     */
    static void read(final Path file, final LineConsumer consumer) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            new LedgerLines(in).readAll(consumer);
        }
    }

    private void readAll(final LineConsumer consumer) throws IOException {
        int scan = 0;
        boolean skipLineFeed = false; // the '\n' of a "\r\n" whose '\r' ended the previous line
        while (true) {
            while (scan < limit && buffer[scan] != '\n' && buffer[scan] != '\r') {
                scan++;
            }
            if (scan == limit) {
                scan -= start;
                if (!fill()) {
                    break;
                }
                continue;
            }
            if (skipLineFeed && scan == start && buffer[scan] == '\n') {
                skipLineFeed = false;
                start = ++scan;
                continue;
            }
            consumer.accept(buffer, start, scan, ++number);
            skipLineFeed = buffer[scan] == '\r';
            start = ++scan;
        }
        if (start < limit) {
            consumer.accept(buffer, start, limit, ++number);
        }
    }

    /** Moves the unfinished line to the buffer's start, grows the buffer if the line fills it, reads more. */
    private boolean fill() throws IOException {
        System.arraycopy(buffer, start, buffer, 0, limit - start);
        limit -= start;
        start = 0;
        if (limit == buffer.length) {
            buffer = Arrays.copyOf(buffer, buffer.length * 2);
        }
        int read = in.read(buffer, limit, buffer.length - limit);
        if (read < 0) {
            return false;
        }
        limit += read;
        return true;
    }
}
