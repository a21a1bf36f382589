package io.jenkins.plugins.dataops.engine.governance.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class HtmlWriterTest {
    private static String text(final String value) {
        StringWriter out = new StringWriter();
        HtmlWriter html = new HtmlWriter(out);
        html.text(value);
        html.flush();
        return out.toString();
    }

    @Test
    void shouldEscapeMarkupCharacters() {
        assertThat(text("<script>alert('x' & \"y\")</script>"))
                .isEqualTo("&lt;script&gt;alert(&#39;x&#39; &amp; &quot;y&quot;)&lt;/script&gt;");
    }

    @Test
    void shouldWriteEveryCharacterOutsideAsciiAsANumericReference() {
        // Given text with accents, a symbol outside the BMP and a lone surrogate
        String value = "Jos\u00e9 \u00bb main \uD83D\uDE00 \uD800!";

        // When
        String html = text(value);

        // Then the output is pure ASCII and still says the same
        assertThat(html).isEqualTo("Jos&#233; &#187; main &#128512; &#65533;!");
        assertThat(html.chars()).allMatch(c -> c < 0x80);
    }

    @Test
    void shouldLeavePlainAsciiAlone() {
        assertThat(text("customer 1.2.0 passed")).isEqualTo("customer 1.2.0 passed");
    }
}
