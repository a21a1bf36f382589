package io.jenkins.plugins.dataops.engine.governance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The byte line reader splits a file exactly where {@link BufferedReader#readLine()} does. */
class LedgerLinesTest {
    @TempDir
    private Path dir;

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "a",
                "a\n",
                "a\nb",
                "a\r\nb\r\n",
                "a\rb\r",
                "a\r\r\nb",
                "\n\n",
                "\r\n\r\n",
                "a\n\rb",
                "{\"x\":1}\n\n{\"y\":2}\r\n"
            })
    void shouldSplitLinesWhereReadLineDoes(final String text) throws IOException {
        // Given
        Path file = Files.writeString(dir.resolve("ledger.jsonl"), text, StandardCharsets.UTF_8);

        // When
        List<String> lines = lines(file);

        // Then
        assertThat(lines).isEqualTo(readLine(text));
    }

    @ParameterizedTest
    @ValueSource(ints = {262_143, 262_144, 262_145, 700_000})
    void shouldReadLinesLongerThanTheBufferAndBreaksAtItsEdge(final int length) throws IOException {
        // Given: a long line, then a "\r\n" that may straddle two reads, then a short line
        String text = "x".repeat(length) + "\r\nshort\n" + "y".repeat(length - 1) + "\r\n";
        Path file = Files.writeString(dir.resolve("ledger.jsonl"), text, StandardCharsets.UTF_8);

        // When
        List<String> lines = lines(file);

        // Then
        assertThat(lines).isEqualTo(readLine(text));
    }

    private static List<String> lines(final Path file) throws IOException {
        List<String> lines = new ArrayList<>();
        LedgerLines.read(file, (bytes, start, end, number) -> {
            assertThat(number).isEqualTo(lines.size() + 1L);
            lines.add(new String(bytes, start, end - start, StandardCharsets.UTF_8));
        });
        return lines;
    }

    private static List<String> readLine(final String text) throws IOException {
        List<String> lines = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new StringReader(text))) {
            String line;
            while ((line = reader.readLine()) != null) {
                lines.add(line);
            }
        }
        return lines;
    }
}
