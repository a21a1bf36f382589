package io.jenkins.plugins.dataops.engine.governance;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.dataops.engine.kernel.Sha256;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The one-pass reader against the general one (Jackson, re-serialised, compared): it must read every canonical line
 * to the same record and hash, and never accept a line the general reader refuses.
 */
class CanonicalLineReaderTest {
    private static final long TIME = 1_740_000_000_000L;
    private static final String JSON_BYTES = "{}[]\",:\\0123456789-.eE+ tfnu/abAB\u00e9\r\n\t";

    @Test
    void shouldReadEveryCanonicalLineToTheSameRecordAndHashAsTheGeneralReader() {
        // Given
        List<String> lines = canonicalLines();
        MessageDigest digest = Sha256.digest();

        for (String line : lines) {
            // When
            byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
            CanonicalLineReader reader = CanonicalLineReader.read(bytes, 0, bytes.length);
            RecordCodec.ReadRecord read = RecordCodec.read(bytes, 0, bytes.length, digest);

            // Then
            GovernanceRecord general = RecordCodec.fromJsonByReserialising(line);
            assertThat(reader).as("read in one pass: %s", line).isNotNull();
            assertThat(read.record()).as(line).isEqualTo(general);
            assertThat(read.contentHash()).as(line).isEqualTo(RecordCodec.hash(general));
            assertThat(read.contentHash()).isEqualTo(general.hash());
        }
    }

    @Test
    void shouldNeverAcceptALineTheGeneralReaderRefusesOrReadsDifferently() {
        // Given
        Random random = new Random(20_261_201L);
        List<String> lines = canonicalLines();
        int acceptedEdits = 0;

        for (int i = 0; i < 30_000; i++) {
            byte[] edited = edit(lines.get(i % lines.size()).getBytes(StandardCharsets.UTF_8), random);

            // When
            CanonicalLineReader reader = CanonicalLineReader.read(edited, 0, edited.length);

            // Then
            if (reader != null && reader.fields().size() == 12 && reader.hashStart() > 0) {
                acceptedEdits++;
                String text = new String(edited, StandardCharsets.UTF_8);
                assertThat(outcome(() -> RecordCodec.read(edited, 0, edited.length, Sha256.digest())))
                        .as(text)
                        .isEqualTo(outcome(() -> {
                            GovernanceRecord general = RecordCodec.fromJsonByReserialising(text);
                            return new RecordCodec.ReadRecord(general, RecordCodec.hash(general));
                        }));
            }
        }
        assertThat(acceptedEdits)
                .as("edits that stay canonical (a changed letter or digit)")
                .isPositive();
    }

    @Test
    void shouldGiveUpOnFormsTheGeneralReaderMustJudge() {
        // Given
        String line = RecordCodec.toJson(RecordCodec.chain(null, event(Map.of("n", 7, "s", "a\tb")), TIME));
        List<String> notProven = List.of(
                line.replace("\"n\":7", "\"n\":7.0"),
                line.replace("\"n\":7", "\"n\":7e0"),
                line.replace("\"n\":7", "\"n\":07"),
                line.replace("\"n\":7", "\"n\":-0"),
                line.replace("\"n\":7", "\"n\":9223372036854775808"),
                line.replace("\"n\":7", "\"n\":-9223372036854775809"),
                line.replace("a\\tb", "a\\u0009b"),
                line.replace("a\\tb", "a\\/b"),
                line.replace("a\\tb", "a\\u0041b"),
                line.replace("a\\tb", "a\tb"),
                line.replace("\"n\":7", "\"n\" :7"),
                line.replace("{\"n\":7,", "{\"s\":\"x\",\"n\":7,"),
                line + " ",
                "\ufeff" + line,
                "[" + line + "]");

        for (String text : notProven) {
            // When
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);

            // Then
            assertThat(CanonicalLineReader.read(bytes, 0, bytes.length))
                    .as(text)
                    .isNull();
        }
    }

    @Test
    void shouldGiveUpOnBytesThatAreNotUtf8() {
        // Given
        byte[] bytes = RecordCodec.toJson(RecordCodec.chain(null, event(Map.of("s", "\u00e9")), TIME))
                .getBytes(StandardCharsets.UTF_8);
        byte[] overlong = replace(bytes, new byte[] {(byte) 0xC3, (byte) 0xA9}, new byte[] {(byte) 0xC0, (byte) 0xA9});
        byte[] cut = replace(bytes, new byte[] {(byte) 0xC3, (byte) 0xA9}, new byte[] {(byte) 0xC3, 'x'});

        // When / Then
        assertThat(CanonicalLineReader.read(bytes, 0, bytes.length)).isNotNull();
        assertThat(CanonicalLineReader.read(overlong, 0, overlong.length)).isNull();
        assertThat(CanonicalLineReader.read(cut, 0, cut.length)).isNull();
    }

    /** The record and hash read, or the refusal's message: a well-formed line may still lack a field. */
    private static Object outcome(final java.util.function.Supplier<RecordCodec.ReadRecord> read) {
        try {
            return read.get();
        } catch (IllegalArgumentException e) {
            return "refused: " + e.getMessage();
        }
    }

    private static List<String> canonicalLines() {
        StringBuilder every = new StringBuilder();
        for (char c = 0; c < 0x100; c++) {
            every.append(c);
        }
        every.append("\u2028\u20ac\ud83d\ude00\uffff");
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("z", List.of());
        nested.put("a", Map.of());
        nested.put("null", null);
        nested.put("list", List.of(true, false, -1, 0, 1, "x", List.of(List.of(Map.of("k", "v")))));
        List<Map<String, Object>> evidences = new ArrayList<>();
        evidences.add(Map.of());
        evidences.add(Map.of("every", every.toString(), "nested", nested));
        evidences.add(Map.of(
                "ints",
                List.of(
                        Integer.MAX_VALUE,
                        Integer.MIN_VALUE,
                        Integer.MAX_VALUE + 1L,
                        Integer.MIN_VALUE - 1L,
                        999_999_999_999_999_999L,
                        -999_999_999_999_999_999L,
                        Long.MAX_VALUE,
                        Long.MIN_VALUE)));
        evidences.add(Map.of("k\u00e9y", "v", "K", "upper", "\u0001", "control", "\ud83d\ude00", "emoji"));
        List<String> lines = new ArrayList<>();
        GovernanceRecord previous = null;
        for (Map<String, Object> evidence : evidences) {
            previous = RecordCodec.chain(previous, event(evidence), TIME + lines.size());
            lines.add(RecordCodec.toJson(previous));
        }
        lines.add(RecordCodec.toJson(RecordCodec.chain(
                previous,
                new GovernanceEvent("", "", "\"", "\\", "\u007f", "a\"b\\c", "\u00e9", Map.of()),
                Long.MAX_VALUE)));
        return lines;
    }

    /** Replaces, inserts or deletes one to three bytes, mostly JSON's own characters. */
    private static byte[] edit(final byte[] line, final Random random) {
        byte[] result = line;
        for (int n = 1 + random.nextInt(3); n > 0; n--) {
            int at = random.nextInt(result.length);
            byte b = (byte)
                    (random.nextInt(4) == 0
                            ? random.nextInt(256)
                            : JSON_BYTES.getBytes(StandardCharsets.UTF_8)[random.nextInt(JSON_BYTES.length())]);
            result = switch (random.nextInt(3)) {
                case 0 -> {
                    byte[] copy = result.clone();
                    copy[at] = b;
                    yield copy;
                }
                case 1 -> {
                    byte[] copy = Arrays.copyOf(result, result.length + 1);
                    System.arraycopy(result, at, copy, at + 1, result.length - at);
                    copy[at] = b;
                    yield copy;
                }
                default -> {
                    byte[] copy = new byte[result.length - 1];
                    System.arraycopy(result, 0, copy, 0, at);
                    System.arraycopy(result, at + 1, copy, at, result.length - at - 1);
                    yield copy;
                }
            };
        }
        return result;
    }

    private static byte[] replace(final byte[] bytes, final byte[] what, final byte[] with) {
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        return text.replace(
                        new String(what, StandardCharsets.ISO_8859_1), new String(with, StandardCharsets.ISO_8859_1))
                .getBytes(StandardCharsets.ISO_8859_1);
    }

    private static GovernanceEvent event(final Map<String, Object> evidence) {
        return new GovernanceEvent(
                "alice", Action.MIGRATE, "customer", "dev", "1.1.0", Outcome.SUCCESS, "cli", evidence);
    }
}
