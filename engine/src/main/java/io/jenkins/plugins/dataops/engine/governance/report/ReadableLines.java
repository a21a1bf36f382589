package io.jenkins.plugins.dataops.engine.governance.report;

import io.jenkins.plugins.dataops.engine.governance.GovernanceRecord;
import io.jenkins.plugins.dataops.engine.governance.RecordCodec;
import io.jenkins.plugins.dataops.engine.kernel.DataOpsException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * The records of a damaged JSON-lines ledger, for a report that must render anyway: bytes that are not UTF-8
 * read as replacement characters (the record then fails its hash, and the banner names it), lines that are not
 * a record are skipped. Used only when verification found a break: the report shows the intact records before it
 * and marks the readable rest untrusted ({@link ReportOptions#verification()} says from which record on).
 */
final class ReadableLines implements RecordSource {
    private final Path file;

    ReadableLines(final Path file) {
        this.file = file;
    }

    @Override
    public void forEach(final Consumer<GovernanceRecord> consumer) {
        if (!Files.exists(file)) {
            return;
        }
        // InputStreamReader replaces malformed input, where Files.newBufferedReader would throw.
        try (BufferedReader reader =
                new BufferedReader(new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                GovernanceRecord record = parse(line);
                if (record != null) {
                    consumer.accept(record);
                }
            }
        } catch (IOException e) {
            throw new DataOpsException("Cannot read the ledger '%s': %s".formatted(file, e.getMessage()), e);
        }
    }

    private static GovernanceRecord parse(final String line) {
        if (line.isBlank()) {
            return null;
        }
        try {
            return RecordCodec.fromJson(line);
        } catch (IllegalArgumentException e) {
            return null; // the verification already names the first unreadable line
        }
    }
}
