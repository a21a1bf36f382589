package io.jenkins.plugins.dataops.engine.governance.report;

import io.jenkins.plugins.dataops.engine.governance.GovernanceRecord;
import io.jenkins.plugins.dataops.engine.governance.Ledger;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Where the report reads its records from, oldest first. A source can be read more than once (the HTML report
 * reads it twice: once to aggregate the timeline, once to write the rows) and never needs to hold all records
 * in memory. {@link Ledger#forEach(Consumer)} fits: {@code RecordSource.of(ledger)}.
 */
@FunctionalInterface
public interface RecordSource {
    /**
     * Hands every record to the consumer, oldest first. Each call starts from the beginning again.
     *
     * @param consumer receives each record
     * @throws io.jenkins.plugins.dataops.engine.kernel.DataOpsException when the underlying store cannot be read
     */
    void forEach(Consumer<GovernanceRecord> consumer);

    /**
     * Returns a source that passes on only the records the filter accepts.
     *
     * @param filter which records to keep
     * @return the filtered source
     */
    default RecordSource filter(final RecordFilter filter) {
        if (filter.isUnrestricted()) {
            return this;
        }
        return consumer -> forEach(record -> {
            if (filter.test(record)) {
                consumer.accept(record);
            }
        });
    }

    /**
     * Reads a ledger.
     *
     * @param ledger the ledger
     * @return a source reading the ledger each time it is read
     */
    static RecordSource of(final Ledger ledger) {
        return ledger::forEach;
    }

    /**
     * Reads a JSON-lines ledger file as far as it can be read: for the report of a ledger whose verification
     * failed, which must still render (see {@link ReadableLines}).
     *
     * @param file the ledger file
     * @return a source reading the readable lines each time it is read
     */
    static RecordSource readableLines(final java.nio.file.Path file) {
        return new ReadableLines(file);
    }

    /**
     * Reads records already in memory (tests, a single build's records).
     *
     * @param records the records, oldest first
     * @return a source over a copy of the list
     */
    static RecordSource of(final Collection<GovernanceRecord> records) {
        List<GovernanceRecord> copy = List.copyOf(records);
        return copy::forEach;
    }

    /**
     * Reads a fresh stream each time, closing it after use.
     *
     * @param streams supplies a new stream of records, oldest first, for each read
     * @return a source over the streams
     */
    static RecordSource fromStreams(final Supplier<Stream<GovernanceRecord>> streams) {
        return consumer -> {
            try (Stream<GovernanceRecord> stream = streams.get()) {
                stream.forEachOrdered(consumer);
            }
        };
    }
}
