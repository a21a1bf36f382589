package io.jenkins.plugins.dataops.engine.governance;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.dataops.engine.kernel.Sha256;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Edits that leave the hash of what a lenient reader sees unchanged: each must still break the chain, because
 * two readers (or the report and the verifier) could see different records in the same line.
 */
class StrictLedgerReaderTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-01T10:15:30Z"), ZoneOffset.UTC);

    @TempDir
    private Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"duplicate", "unknown", "trailing", "spaced", "reordered"})
    void shouldBreakTheChainAtALineThatIsNotStrictlyCanonical(final String edit) throws IOException {
        // Given
        JsonLinesLedger ledger = ledgerWithThreeRecords();
        UnaryOperator<String> change =
                switch (edit) {
                    case "duplicate" -> line -> line.replaceFirst("\\{", "{\"actor\":\"mallory\",");
                    case "unknown" -> line -> line.replaceFirst("\\{", "{\"approvedBy\":\"mallory\",");
                    case "trailing" -> line -> line + " {\"actor\":\"mallory\"}";
                    case "spaced" -> line -> line.replace(",\"", ", \"");
                    default ->
                        line -> {
                            String rest = line.replaceFirst("\\{\"action\":\"migrate\",", "{");
                            return rest.substring(0, rest.length() - 1) + ",\"action\":\"migrate\"}";
                        };
                };
        List<String> lines = new ArrayList<>(Files.readAllLines(ledger.file(), StandardCharsets.UTF_8));
        lines.set(1, change.apply(lines.get(1)));
        Files.write(ledger.file(), lines, StandardCharsets.UTF_8);

        // When
        LedgerVerification verification = ledger.verify();

        // Then
        assertThat(verification.intact()).as(lines.get(1)).isFalse();
        assertThat(verification.firstBroken()).isEqualTo(2);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "fraction",
                "exponent",
                "leadingZero",
                "escapedSlash",
                "unicodeEscape",
                "missingField",
                "byteOrderMark",
                "notAnObject"
            })
    void shouldBreakTheChainAtALineWhoseValuesAreSpelledNonCanonically(final String edit) throws IOException {
        // Given
        JsonLinesLedger ledger = ledgerWithThreeRecords();
        UnaryOperator<String> change =
                switch (edit) {
                    case "fraction" -> line -> line.replace("\"sequence\":2,", "\"sequence\":2.0,");
                    case "exponent" -> line -> line.replace("\"sequence\":2,", "\"sequence\":2E0,");
                    case "leadingZero" -> line -> line.replace("\"sequence\":2,", "\"sequence\":02,");
                    case "escapedSlash" -> line -> line.replace("\"1 to create\"", "\"1 to create\\/\"");
                    case "unicodeEscape" -> line -> line.replace("\"actor\":\"bob\"", "\"actor\":\"\\u0062ob\"");
                    case "missingField" -> line -> line.replace("\"buildRef\":\"cli\",", "");
                    case "byteOrderMark" -> line -> "\ufeff" + line;
                    default -> line -> "[" + line + "]";
                };
        List<String> lines = new ArrayList<>(Files.readAllLines(ledger.file(), StandardCharsets.UTF_8));
        String edited = change.apply(lines.get(1));
        assertThat(edited).isNotEqualTo(lines.get(1));
        lines.set(1, edited);
        Files.write(ledger.file(), lines, StandardCharsets.UTF_8);

        // When
        LedgerVerification verification = ledger.verify();

        // Then
        assertThat(verification.intact()).as(edited).isFalse();
        assertThat(verification.firstBroken()).isEqualTo(2);
    }

    @Test
    void shouldBreakTheChainAtBytesThatAreNotUtf8EvenWhenTheHashWasComputedOverThem() throws IOException {
        // Given: 'bob' becomes 'b', 0xFF, 'b' and the hash is recomputed over exactly those bytes
        JsonLinesLedger ledger = ledgerWithThreeRecords();
        List<String> lines = new ArrayList<>(Files.readAllLines(ledger.file(), StandardCharsets.UTF_8));
        byte[] line =
                lines.get(1).replace("\"actor\":\"bob\"", "\"actor\":\"b~b\"").getBytes(StandardCharsets.ISO_8859_1);
        line[new String(line, StandardCharsets.ISO_8859_1).indexOf('~')] = (byte) 0xFF;
        String oldHash = RecordCodec.fromJson(lines.get(1)).hash();
        String text = new String(line, StandardCharsets.ISO_8859_1);
        String withoutHash = text.replace(",\"hash\":\"" + oldHash + "\"", "");
        String forgedHash = java.util.HexFormat.of()
                .formatHex(Sha256.digest().digest(withoutHash.getBytes(StandardCharsets.ISO_8859_1)));
        byte[] forged = text.replace(oldHash, forgedHash).getBytes(StandardCharsets.ISO_8859_1);
        String third = lines.get(2).replace(oldHash, forgedHash);
        byte[] first = (lines.get(0) + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] rest = ("\n" + third + "\n").getBytes(StandardCharsets.UTF_8);
        java.io.ByteArrayOutputStream file = new java.io.ByteArrayOutputStream();
        file.write(first);
        file.write(forged);
        file.write(rest);
        Files.write(ledger.file(), file.toByteArray());

        // When
        LedgerVerification verification = ledger.verify();

        // Then
        assertThat(verification.intact()).isFalse();
        assertThat(verification.firstBroken()).isEqualTo(2);
        assertThat(verification.problem()).contains("content does not match its hash");
    }

    @Test
    void shouldStartAnAppendOnAFreshLineWhenTheFinalLineBreakIsMissing() throws IOException {
        // Given
        JsonLinesLedger ledger = ledgerWithThreeRecords();
        String text = Files.readString(ledger.file(), StandardCharsets.UTF_8);
        Files.writeString(ledger.file(), text.stripTrailing(), StandardCharsets.UTF_8);

        // When
        GovernanceRecord fourth = ledger.append(JsonLinesLedgerTest.event("dave", "migrate"));

        // Then
        assertThat(fourth.sequence()).isEqualTo(4);
        assertThat(Files.readAllLines(ledger.file(), StandardCharsets.UTF_8)).hasSize(4);
        assertThat(ledger.verify()).isEqualTo(new LedgerVerification(true, 4, 0, ""));
    }

    private JsonLinesLedger ledgerWithThreeRecords() {
        JsonLinesLedger ledger = new JsonLinesLedger(dir.resolve(JsonLinesLedger.FILE_NAME), CLOCK);
        ledger.append(JsonLinesLedgerTest.event("alice", "provision"));
        ledger.append(JsonLinesLedgerTest.event("bob", "migrate"));
        ledger.append(JsonLinesLedgerTest.event("carol", "destroy"));
        return ledger;
    }
}
