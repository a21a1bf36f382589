package io.jenkins.plugins.dataops.engine.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.StringWriter;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DataTestReportTest {
    @Test
    void shouldCountJudgeAndSummarize() {
        // Given a report with one result per status
        DataTestReport report = ReportFixtures.report();

        // Then
        assertThat(report.count(CheckStatus.PASS)).isEqualTo(1);
        assertThat(report.worstStatus()).isEqualTo(CheckStatus.ERROR);
        assertThat(report.breaches(FailOn.ERROR))
                .extracting(CheckResult::name)
                .containsExactly("unique_email", "bad_filter");
        assertThat(report.breaches(FailOn.WARN))
                .extracting(CheckResult::name)
                .containsExactly("unique_email", "points", "bad_filter");
        assertThat(report.suites()).containsExactly("customer", "orders");
        assertThat(report.summary())
                .isEqualTo("Data tests on 'qat': 4 checks, 1 passed, 1 warned, 1 failed, "
                        + "1 errors (2 suites, 2 scan queries, 1 sample query).");
    }

    @Test
    void shouldSurviveSerializationUnchanged() throws Exception {
        // Given a report
        DataTestReport report = ReportFixtures.report();

        // When it is serialized and read back (as across the Jenkins agent channel)
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(report);
        }
        Object copy;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            copy = in.readObject();
        }

        // Then it is equal, sample NULLs included
        assertThat(copy).isEqualTo(report).hasSameHashCodeAs(report);
        assertThat(((DataTestReport) copy).results().get(1).sample().get(0)).containsEntry("segment", null);
    }

    @Test
    void shouldKeepResultsImmutable() {
        CheckResult result = ReportFixtures.report().results().get(1);
        assertThatThrownBy(() -> result.sample().get(0).put("x", "y"))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> ReportFixtures.report().results().clear())
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void shouldWriteJsonWithRunFactsCountsAndResults() throws Exception {
        // When the report is written as JSON
        StringWriter out = new StringWriter();
        JsonReportWriter.write(ReportFixtures.report(), out);
        JsonNode json = new ObjectMapper().readTree(out.toString());

        // Then it carries the run facts, counts per status and every result
        assertThat(json.get("environment").asText()).isEqualTo("qat");
        assertThat(json.get("startedAt").asText()).isEqualTo("2024-01-10T12:00:00.123Z");
        assertThat(json.get("scanQueries").asInt()).isEqualTo(2);
        assertThat(json.get("sampleQueries").asInt()).isEqualTo(1);
        assertThat(json.get("suitesChecksum").asText()).hasSize(64);
        assertThat(json.get("status").asText()).isEqualTo("error");
        assertThat(json.get("counts").toString())
                .isEqualTo("{\"total\":4,\"pass\":1,\"warn\":1,\"fail\":1,\"error\":1}");
        JsonNode failed = json.get("results").get(1);
        assertThat(failed.get("check").asText()).isEqualTo("unique_email");
        assertThat(failed.get("type").asText()).isEqualTo("unique");
        assertThat(failed.get("severity").asText()).isEqualTo("error");
        assertThat(failed.get("status").asText()).isEqualTo("fail");
        assertThat(failed.get("observed").asText()).isEqualTo("1 failing row of 6");
        assertThat(failed.get("threshold").asText()).isEqualTo("<= 0 failing rows");
        assertThat(failed.get("failingRows").asLong()).isEqualTo(1);
        assertThat(failed.get("sample").get(0).get("segment").isNull()).isTrue();
        assertThat(failed.get("sample").get(0).get("email").asText()).isEqualTo("ada@example.com <\"&'>");
    }

    @Test
    void shouldRejectBadOptions() {
        assertThatThrownBy(() -> new DataTestOptions(-1, Instant.now()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sampleSize '-1' must be between 0 and 1000");
        assertThat(DataTestOptions.defaults().sampleSize()).isEqualTo(5);
        assertThat(DataTestOptions.defaults().withSampleSize(0).withNow(Instant.EPOCH))
                .isEqualTo(new DataTestOptions(0, Instant.EPOCH));
    }
}
