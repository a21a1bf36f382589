package io.jenkins.plugins.dataops.engine.governance;

import io.jenkins.plugins.dataops.engine.kernel.DataOpsException;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The MACs of a keyed file ledger, beside it: {@code ledger.jsonl.mac} holds one line {@code <sequence> <mac>}
 * per record, {@code ledger.jsonl.head.mac} the head's MAC. Kept outside the records so that the records, their
 * hashes and every reader of them stay the same with or without a key.
 */
final class LedgerMacs {
    private final Path macs;
    private final Path headMac;
    private final LedgerKey key;

    LedgerMacs(final Path ledger, final LedgerKey key) {
        this.macs = ledger.resolveSibling(ledger.getFileName() + ".mac");
        this.headMac = ledger.resolveSibling(ledger.getFileName() + ".head.mac");
        this.key = key;
    }

    /** Appends a record's MAC (under the ledger's lock, after the record). */
    void append(final GovernanceRecord record) throws IOException {
        String line = record.sequence() + " " + key.record(record.sequence(), record.hash()) + "\n";
        try (FileChannel out = FileChannel.open(macs, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
            out.write(ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8)));
            out.force(false);
        }
    }

    /** Writes the head's MAC (after the head). */
    void writeHead(final String head) throws IOException {
        Files.writeString(headMac, key.head(head) + "\n", StandardCharsets.UTF_8);
    }

    /**
     * Checks the head's MAC.
     *
     * @param head the head file's content
     * @return empty when it matches, else what is wrong
     */
    String headProblem(final String head) throws IOException {
        if (!Files.exists(headMac)) {
            return "the head file carries no MAC although a ledger key is set";
        }
        return Files.readString(headMac, StandardCharsets.UTF_8).strip().equals(key.head(head))
                ? ""
                : "the head file's MAC does not match: the head was rewritten by someone without the ledger key";
    }

    /** Reads the MAC lines in step with the records, which are in sequence order. */
    Reader reader() throws IOException {
        return new Reader(Files.exists(macs) ? Files.newBufferedReader(macs, StandardCharsets.UTF_8) : null);
    }

    /** Walks the MAC file beside a verification's walk over the records. */
    final class Reader implements AutoCloseable {
        private final BufferedReader lines;
        private String[] next;

        private Reader(final BufferedReader lines) {
            this.lines = lines;
        }

        /**
         * Checks one record's MAC.
         *
         * @param record the record just read
         * @return empty when it matches, else what is wrong
         */
        String problem(final GovernanceRecord record) {
            try {
                while (next == null || Long.parseLong(next[0]) < record.sequence()) {
                    String line = lines == null ? null : lines.readLine();
                    if (line == null) {
                        return missing();
                    }
                    next = line.strip().split(" ");
                    if (next.length != 2 || !next[0].matches("\\d{1,18}")) {
                        return "the MAC file '" + macs.getFileName() + "' is damaged";
                    }
                }
            } catch (IOException e) {
                throw new DataOpsException("Cannot read '%s': %s".formatted(macs, e.getMessage()), e);
            }
            if (Long.parseLong(next[0]) > record.sequence()) {
                return missing();
            }
            return next[1].equals(key.record(record.sequence(), record.hash()))
                    ? ""
                    : "its MAC does not match: it was rewritten by someone without the ledger key (or the key differs)";
        }

        private String missing() {
            return "it carries no MAC although a ledger key is set: it was written without the key, by someone "
                    + "without it, or the process died between the record and its MAC";
        }

        @Override
        public void close() throws IOException {
            if (lines != null) {
                lines.close();
            }
        }
    }
}
