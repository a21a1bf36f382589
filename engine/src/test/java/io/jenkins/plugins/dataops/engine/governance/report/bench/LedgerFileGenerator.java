package io.jenkins.plugins.dataops.engine.governance.report.bench;

import io.jenkins.plugins.dataops.engine.governance.GovernanceEvent;
import io.jenkins.plugins.dataops.engine.governance.GovernanceRecord;
import io.jenkins.plugins.dataops.engine.governance.JsonLinesLedger;
import io.jenkins.plugins.dataops.engine.governance.RecordCodec;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Writes a valid JSON-lines ledger of any size, for benchmarking {@code dataops verify-ledger} and
 * {@code dataops report} on it. Records 1 to N-1 are chained by the engine's own codec ({@link RecordCodec#chain},
 * {@link RecordCodec#toJson}: the same bytes {@link JsonLinesLedger#append} writes, without its lock, fsync and
 * head update per record, which would take minutes), the last one is appended through
 * {@link JsonLinesLedger#append}, which checks the last line and writes the head file. So the file verifies.
 *
 * <p>The events are {@link SyntheticLedger}'s (about 0.5 KB of evidence each), or, with a third argument, the
 * events of an existing ledger (the demo's) repeated in order, with their real evidence.
 *
 * <p>Usage: {@code LedgerFileGenerator LEDGER_FILE COUNT [EVENTS_FROM_LEDGER]}; the file is replaced.
 */
public final class LedgerFileGenerator {
    private LedgerFileGenerator() {}

    /**
     * Writes the ledger.
     *
     * @param args the ledger file, the number of records, optionally a ledger whose events are repeated
     * @throws IOException when the file cannot be written
     */
    public static void main(final String[] args) throws IOException {
        Path file = Path.of(args[0]).toAbsolutePath();
        int count = Integer.parseInt(args[1]);
        IntFunction<GovernanceEvent> events = args.length > 2 ? repeated(Path.of(args[2])) : SyntheticLedger::event;
        write(file, count, events);
        System.out.printf("%s: %d records, %d bytes%n", file, count, Files.size(file));
    }

    static void write(final Path file, final int count, final IntFunction<GovernanceEvent> events) throws IOException {
        Files.createDirectories(file.getParent());
        for (String suffix : new String[] {"", ".head", ".lock"}) {
            Files.deleteIfExists(file.resolveSibling(file.getFileName() + suffix));
        }
        GovernanceRecord previous = null;
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int i = 1; i < count; i++) {
                previous = RecordCodec.chain(previous, events.apply(i), time(i));
                out.write(RecordCodec.toJson(previous));
                out.write('\n');
            }
        }
        Clock clock = Clock.fixed(Instant.ofEpochMilli(time(count)), ZoneOffset.UTC);
        new JsonLinesLedger(file, clock).append(events.apply(count));
    }

    private static long time(final int i) {
        return SyntheticLedger.START + i * 60_000L;
    }

    private static IntFunction<GovernanceEvent> repeated(final Path ledger) {
        List<GovernanceEvent> events = new ArrayList<>();
        new JsonLinesLedger(ledger, Clock.systemUTC()).forEach(record -> events.add(record.event()));
        return i -> events.get((i - 1) % events.size());
    }
}
