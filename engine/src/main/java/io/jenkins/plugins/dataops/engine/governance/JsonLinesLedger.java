package io.jenkins.plugins.dataops.engine.governance;

import io.jenkins.plugins.dataops.engine.kernel.DataOpsException;
import io.jenkins.plugins.dataops.engine.kernel.Sha256;
import io.jenkins.plugins.dataops.engine.kernel.StatePaths;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The ledger as an append-only JSON-lines file (one canonical record per line), with a small head file that
 * remembers the last sequence and hash so that records cut off the end are detected too. Appends from
 * several processes are serialised by an OS file lock.
 */
public final class JsonLinesLedger implements Ledger {
    /** The ledger file name inside the state folder. */
    public static final String FILE_NAME = "ledger.jsonl";

    /** How much of the file's end an append reads to find the last record. */
    private static final int TAIL_BYTES = 256 * 1024;

    /** The head's third part: the sequences of the open intents. */
    private static final String OPEN = "open=";

    private static final ConcurrentMap<Path, Object> IN_PROCESS = new ConcurrentHashMap<>();

    private final Path file;
    private final Path head;
    private final Path lock;
    private final Clock clock;
    private final LedgerMacs macs;

    /**
     * Creates a ledger stored in the given file.
     *
     * @param file  the JSON-lines file (created on first append)
     * @param clock the clock that stamps records
     */
    public JsonLinesLedger(final Path file, final Clock clock) {
        this(file, clock, null);
    }

    /**
     * Creates a keyed ledger: every append also writes the record's MAC, and verification checks them.
     *
     * @param file  the JSON-lines file (created on first append)
     * @param clock the clock that stamps records
     * @param key   the ledger key, null for an unkeyed ledger
     */
    public JsonLinesLedger(final Path file, final Clock clock, final LedgerKey key) {
        this.file = file.toAbsolutePath();
        this.head = this.file.resolveSibling(this.file.getFileName() + ".head");
        this.lock = this.file.resolveSibling(this.file.getFileName() + ".lock");
        this.clock = clock;
        this.macs = key == null ? null : new LedgerMacs(this.file, key);
    }

    public Path file() {
        return file;
    }

    /** The file holds every record since the first: a record it lacks was never written or was removed. */
    @Override
    public boolean isComplete() {
        return true;
    }

    @Override
    public GovernanceRecord append(final GovernanceEvent event) {
        // The OS lock serialises processes; inside one JVM a second lock on the same file throws
        // OverlappingFileLockException instead of waiting, so threads queue on a monitor per file first.
        synchronized (IN_PROCESS.computeIfAbsent(lock, p -> new Object())) {
            return appendLocked(event);
        }
    }

    private GovernanceRecord appendLocked(final GovernanceEvent event) {
        try {
            Files.createDirectories(file.getParent());
            guardLinks();
            try (FileChannel lockChannel = FileChannel.open(lock, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    FileLock ignored = lockChannel.lock()) {
                GovernanceRecord record = RecordCodec.chain(last(), event, clock.millis());
                // last() refused a damaged last line; a complete last record that only lost its line break gets
                // it back, so the new record starts on a fresh line instead of being glued onto the old one.
                String line = (endsWithLineBreak() ? "" : "\n") + RecordCodec.toJson(record) + "\n";
                try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
                    out.write(ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8)));
                    out.force(false);
                }
                if (macs != null) {
                    macs.append(record);
                }
                writeHead(record, openAfter(record));
                return record;
            }
        } catch (IOException e) {
            throw new DataOpsException("Cannot append to the ledger '%s': %s".formatted(file, e.getMessage()), e);
        }
    }

    @Override
    public void forEach(final Consumer<GovernanceRecord> consumer) {
        if (!Files.exists(file)) {
            return;
        }
        guardLinks();
        try {
            LedgerLines.read(file, (bytes, start, end, number) -> {
                if (!isBlank(bytes, start, end)) {
                    consumer.accept(parse(bytes, start, end, number));
                }
            });
        } catch (IOException e) {
            throw new DataOpsException("Cannot read the ledger '%s': %s".formatted(file, e.getMessage()), e);
        }
    }

    @Override
    public LedgerVerification verify() {
        ChainVerifier verifier = new ChainVerifier();
        guardLinks();
        if (Files.exists(file)) {
            MessageDigest digest = Sha256.digest();
            // A damaged byte may not be UTF-8 any more: the codec decodes it as a replacement character, so that
            // the record fails its hash check instead of the whole verification failing to read.
            try (LedgerMacs.Reader keyed = macs == null ? null : macs.reader()) {
                LedgerLines.read(file, (bytes, start, end, number) -> {
                    try {
                        RecordCodec.ReadRecord read = RecordCodec.read(bytes, start, end, digest);
                        verifier.accept(read.record(), read.contentHash());
                        if (keyed != null) {
                            verifier.requireEmpty(keyed.problem(read.record()));
                        }
                    } catch (IllegalArgumentException e) {
                        verifier.breakHere("line is not a complete record (the file was edited or truncated)");
                    }
                });
            } catch (IOException e) {
                throw new DataOpsException("Cannot read the ledger '%s': %s".formatted(file, e.getMessage()), e);
            }
        }
        checkHead(verifier);
        return verifier.result(verifier.position()).keyed(macs != null);
    }

    private void checkHead(final ChainVerifier verifier) {
        if (!Files.exists(head)) {
            if (verifier.position() > 0) {
                verifier.breakAfterEnd("the head file '" + head.getFileName() + "' is missing");
            }
            return;
        }
        String[] parts;
        try {
            parts = readHead();
        } catch (DataOpsException e) {
            verifier.breakAfterEnd("the head file '" + head.getFileName() + "' is damaged, so records cut off the "
                    + "end cannot be ruled out");
            return;
        }
        long headSequence = Long.parseLong(parts[0]);
        if (headSequence > verifier.position()) {
            verifier.breakAfterEnd("the ledger ends at record %d but %d were written (records were removed from "
                            .formatted(verifier.position(), headSequence)
                    + "the end)");
        } else if (headSequence == verifier.position() && !parts[1].equals(verifier.lastHash())) {
            verifier.breakAfterEnd("the last record's hash differs from the one the head file remembers");
        } else if (macs != null) {
            try {
                String problem = macs.headProblem(Files.readString(head, StandardCharsets.UTF_8));
                if (!problem.isEmpty()) {
                    verifier.breakAfterEnd(problem);
                }
            } catch (IOException e) {
                throw new DataOpsException("Cannot read the ledger head '%s': %s".formatted(head, e.getMessage()), e);
            }
        }
    }

    /**
     * Reads the last record from the end of the file, so an append costs the same for ten records or a million;
     * only a last record longer than the tail read makes it scan the whole file.
     */
    private GovernanceRecord last() throws IOException {
        if (!Files.exists(file) || Files.size(file) == 0) {
            return null;
        }
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            long size = raf.length();
            int tail = (int) Math.min(size, TAIL_BYTES);
            byte[] bytes = new byte[tail];
            raf.seek(size - tail);
            raf.readFully(bytes);
            String text = new String(bytes, StandardCharsets.UTF_8).stripTrailing();
            int start = text.lastIndexOf('\n');
            if (start >= 0 || tail == size) {
                return parse(text.substring(start + 1), -1);
            }
        }
        return lastByScanning();
    }

    /** A link from the ledger, its head or its lock to a file elsewhere would let the chain be swapped. */
    private void guardLinks() {
        for (Path p : List.of(file, head, lock, file.resolveSibling(file.getFileName() + ".mac"))) {
            StatePaths.contained(file.getParent(), p);
        }
    }

    private boolean endsWithLineBreak() throws IOException {
        if (!Files.exists(file) || Files.size(file) == 0) {
            return true;
        }
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            raf.seek(raf.length() - 1);
            return raf.read() == '\n';
        }
    }

    private GovernanceRecord lastByScanning() throws IOException {
        GovernanceRecord[] last = new GovernanceRecord[1];
        LedgerLines.read(file, (bytes, start, end, number) -> {
            if (!isBlank(bytes, start, end)) {
                last[0] = parse(bytes, start, end, -1);
            }
        });
        return last[0];
    }

    private GovernanceRecord parse(final String line, final long number) {
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        return parse(bytes, 0, bytes.length, number);
    }

    /** Reads a line strictly: bytes that are not UTF-8 make the ledger unreadable here; verify() names them. */
    private GovernanceRecord parse(final byte[] bytes, final int start, final int end, final long number) {
        String where = number < 0 ? "(last)" : String.valueOf(number);
        if (!CanonicalLineReader.isValidUtf8(bytes, start, end)) {
            throw new DataOpsException("Cannot read the ledger '%s': line %s is not UTF-8; run 'dataops verify-ledger'."
                    .formatted(file, where));
        }
        try {
            return RecordCodec.read(bytes, start, end, null).record();
        } catch (IllegalArgumentException e) {
            throw new DataOpsException(
                    "Ledger '%s' line %s is not a valid record; run 'dataops verify-ledger'.".formatted(file, where),
                    e);
        }
    }

    /** A line that starts a record is not blank; anything else is decoded and asked (white space is rare). */
    private static boolean isBlank(final byte[] bytes, final int start, final int end) {
        return start == end
                || (bytes[start] != '{' && new String(bytes, start, end - start, StandardCharsets.UTF_8).isBlank());
    }

    /**
     * The head also remembers the sequences of the open intents, so that looking for a killed run's intent
     * costs nothing while none is open (the usual case) instead of a pass over the whole ledger.
     */
    @Override
    public List<GovernanceRecord> openIntents(final String product, final String environment) {
        String[] parts = headOrEmpty();
        if (parts.length == 3 && parts[2].equals(OPEN)) {
            return List.of();
        }
        return Ledger.super.openIntents(product, environment);
    }

    private Set<Long> openAfter(final GovernanceRecord record) {
        Set<Long> open = new TreeSet<>();
        String[] parts = headOrEmpty();
        if (parts.length == 3) {
            Arrays.stream(parts[2].substring(OPEN.length()).split(","))
                    .filter(s -> !s.isEmpty())
                    .map(Long::valueOf)
                    .forEach(open::add);
        } else if (record.sequence() > 1) { // an older head: find the open intents once
            Ledger.super.openIntents().stream().map(GovernanceRecord::sequence).forEach(open::add);
        }
        if (Outcome.INTENT.matches(record.event().outcome())) {
            open.add(record.sequence());
        }
        Ledger.settledIntent(record).ifPresent(open::remove);
        return open;
    }

    private void writeHead(final GovernanceRecord record, final Set<Long> open) throws IOException {
        Path temp = head.resolveSibling(head.getFileName() + ".tmp");
        String openList = open.stream().map(String::valueOf).collect(Collectors.joining(","));
        String content = record.sequence() + " " + record.hash() + " " + OPEN + openList + "\n";
        Files.writeString(temp, content, StandardCharsets.UTF_8);
        Files.move(temp, head, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        if (macs != null) {
            macs.writeHead(content);
        }
    }

    private String[] headOrEmpty() {
        try {
            return Files.exists(head) ? readHead() : new String[0];
        } catch (DataOpsException e) {
            return new String[0]; // verify() reports the damaged head; here it only means: look in the file
        }
    }

    private String[] readHead() {
        try {
            String[] parts =
                    Files.readString(head, StandardCharsets.UTF_8).strip().split(" ");
            if (parts.length < 2
                    || parts.length > 3
                    || !parts[0].matches("\\d+")
                    || (parts.length == 3 && !parts[2].matches(OPEN + "[0-9,]*"))) {
                throw new DataOpsException("Ledger head file '%s' is damaged.".formatted(head));
            }
            return parts;
        } catch (IOException e) {
            throw new DataOpsException("Cannot read the ledger head '%s': %s".formatted(head, e.getMessage()), e);
        }
    }
}
