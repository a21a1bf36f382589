package io.jenkins.plugins.dataops.engine.governance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.jenkins.plugins.dataops.engine.kernel.DataOpsException;
import io.jenkins.plugins.dataops.engine.kernel.Sha256;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The canonical JSON form of a governance record and its SHA-256 hash. Canonical means: no white space and
 * every object's keys sorted, so the same record always gives the same bytes, whoever wrote it.
 */
public final class RecordCodec {
    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            // A second value for a key, or text after the object, would let two readers see different records.
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    /**
     * The top-level keys of a record, in the order of {@link #fields}: the strict reader accepts exactly these,
     * and the CSV export has one column each, so a new key is added once, here and in {@link #fields}.
     */
    public static final List<String> FIELDS = List.of(
            "sequence",
            "time",
            "actor",
            "action",
            "product",
            "environment",
            "release",
            "outcome",
            "buildRef",
            "evidence",
            "prev",
            "hash");

    private static final Set<String> KEYS = Set.copyOf(FIELDS);
    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {};

    private RecordCodec() {}

    /**
     * Chains an event after a record.
     *
     * @param previous   the last record of the chain, null for the first
     * @param event      what happened
     * @param timeMillis when it is recorded
     * @return the new record with its hash
     */
    public static GovernanceRecord chain(
            final GovernanceRecord previous, final GovernanceEvent event, final long timeMillis) {
        long sequence = previous == null ? 1 : previous.sequence() + 1;
        String prev = previous == null ? GovernanceRecord.GENESIS : previous.hash();
        GovernanceRecord unhashed = new GovernanceRecord(sequence, timeMillis, event, prev, "");
        return new GovernanceRecord(sequence, timeMillis, event, prev, hash(unhashed));
    }

    /**
     * Computes the hash a record must have: SHA-256 over its canonical JSON without the {@code hash} field.
     *
     * @param record the record
     * @return 64 lower-case hex digits
     */
    public static String hash(final GovernanceRecord record) {
        Map<String, Object> fields = fields(record);
        fields.remove("hash");
        return HexFormat.of().formatHex(Sha256.digest().digest(write(fields).getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Writes a record as one line of canonical JSON.
     *
     * @param record the record
     * @return the JSON text, without a line break
     */
    public static String toJson(final GovernanceRecord record) {
        return write(fields(record));
    }

    /**
     * Reads a record from its JSON form, strictly: a duplicate or unknown key, text after the record, or any
     * form other than the canonical one (white space, key order, number spelling) is not a record, because
     * the hash covers the canonical form and anything else could mean different things to different readers.
     *
     * @param json one line of the ledger
     * @return the record
     * @throws IllegalArgumentException when the text is not a complete canonical record
     */
    public static GovernanceRecord fromJson(final String json) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        // Only an ASCII string is exactly its bytes (a lone surrogate would become '?'); the rest takes the long way.
        if (bytes.length == json.length()) {
            ReadRecord read = readCanonical(bytes, 0, bytes.length, null);
            if (read != null) {
                return read.record();
            }
        }
        return fromJsonByReserialising(json);
    }

    /**
     * Reads a record from a ledger line as bytes, as strictly as {@link #fromJson}, and computes the hash its
     * content gives. A canonical line is read in one pass and hashed as its bytes without the {@code hash} member;
     * any other line is decoded (malformed UTF-8 as replacement characters) and judged by {@link #fromJson}.
     *
     * @param bytes  the buffer holding the line
     * @param start  where the line starts
     * @param end    where it ends (exclusive, without the line break)
     * @param digest a SHA-256 digest to hash with (reset before use), or null when no hash is needed
     * @return the record and, with a digest, the hash of its content
     * @throws IllegalArgumentException when the line is not a complete canonical record
     */
    static ReadRecord read(final byte[] bytes, final int start, final int end, final @Nullable MessageDigest digest) {
        ReadRecord read = readCanonical(bytes, start, end, digest);
        if (read != null) {
            return read;
        }
        GovernanceRecord record =
                fromJsonByReserialising(new String(bytes, start, end - start, StandardCharsets.UTF_8));
        return new ReadRecord(record, digest == null ? null : hash(record));
    }

    /** The one-pass reader, or null when it cannot prove the line canonical. */
    private static @Nullable ReadRecord readCanonical(
            final byte[] bytes, final int start, final int end, final @Nullable MessageDigest digest) {
        CanonicalLineReader reader = CanonicalLineReader.read(bytes, start, end);
        if (reader == null || reader.fields().size() != KEYS.size() || reader.hashStart() < 0) {
            return null;
        }
        GovernanceRecord record = record(reader.fields());
        if (digest == null) {
            return new ReadRecord(record, null);
        }
        digest.reset();
        digest.update(bytes, start, reader.hashStart() - start);
        digest.update(bytes, reader.hashEnd(), end - reader.hashEnd());
        return new ReadRecord(record, HexFormat.of().formatHex(digest.digest()));
    }

    /** The general reader: Jackson parses, the record is written again, and only the same text is canonical. */
    static GovernanceRecord fromJsonByReserialising(final String json) {
        GovernanceRecord record = parse(json);
        if (!toJson(record).equals(json)) {
            throw new IllegalArgumentException("not a governance record: the line is not in canonical form");
        }
        return record;
    }

    private static GovernanceRecord parse(final String json) {
        try {
            return record(CANONICAL.readValue(json, MAP));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a governance record: " + e.getMessage(), e);
        }
    }

    @SuppressWarnings("unchecked") // evidence is a JSON object, which both readers read as a map
    private static GovernanceRecord record(final Map<String, Object> m) {
        try {
            GovernanceEvent event = new GovernanceEvent(
                    text(m, "actor"),
                    text(m, "action"),
                    text(m, "product"),
                    text(m, "environment"),
                    text(m, "release"),
                    text(m, "outcome"),
                    text(m, "buildRef"),
                    (Map<String, Object>) m.getOrDefault("evidence", Map.of()));
            GovernanceRecord record = new GovernanceRecord(
                    number(m, "sequence"), number(m, "time"), event, text(m, "prev"), text(m, "hash"));
            for (String key : m.keySet()) {
                if (!KEYS.contains(key)) {
                    throw new IllegalArgumentException("not a governance record: unknown field '" + key + "'");
                }
            }
            return record;
        } catch (ClassCastException e) {
            throw new IllegalArgumentException("not a governance record: " + e.getMessage(), e);
        }
    }

    /**
     * A record read from a ledger line.
     *
     * @param record      the record
     * @param contentHash the SHA-256 its content gives, null when no digest was given
     */
    record ReadRecord(GovernanceRecord record, @Nullable String contentHash) {}

    /**
     * Returns a record's top-level fields, keyed and ordered as {@link #FIELDS}.
     *
     * @param record the record
     * @return the fields: numbers for {@code sequence} and {@code time}, the evidence map, text otherwise
     */
    public static Map<String, Object> fields(final GovernanceRecord record) {
        GovernanceEvent e = record.event();
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("sequence", record.sequence());
        fields.put("time", record.timeMillis());
        fields.put("actor", e.actor());
        fields.put("action", e.action());
        fields.put("product", e.product());
        fields.put("environment", e.environment());
        fields.put("release", e.release());
        fields.put("outcome", e.outcome());
        fields.put("buildRef", e.buildRef());
        fields.put("evidence", e.evidence());
        fields.put("prev", record.prev());
        fields.put("hash", record.hash());
        return fields;
    }

    private static String write(final Map<String, Object> fields) {
        try {
            return CANONICAL.writeValueAsString(fields);
        } catch (JsonProcessingException e) {
            throw new DataOpsException("Cannot write a governance record as JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static String text(final Map<String, Object> m, final String key) {
        Object value = m.get(key);
        if (!(value instanceof String s)) {
            throw new IllegalArgumentException("field '" + key + "' is missing or not text");
        }
        return s;
    }

    private static long number(final Map<String, Object> m, final String key) {
        Object value = m.get(key);
        if (!(value instanceof Number n)) {
            throw new IllegalArgumentException("field '" + key + "' is missing or not a number");
        }
        return n.longValue();
    }
}
