package io.jenkins.plugins.dataops.engine.governance.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.dataops.engine.governance.GovernanceEvent;
import io.jenkins.plugins.dataops.engine.governance.GovernanceRecord;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RecordPageJsonTest {
    private static final int JOB = 11;
    private static final int BUILD = 12;
    private static final int UNTRUSTED = 13;

    private final IndexFixtures jobs = new IndexFixtures();
    private final RecordPageJson json = new RecordPageJson(new JobVerifications());

    private JsonNode write(final RecordQuery query, final RecordStore store) throws IOException {
        StringWriter out = new StringWriter();
        json.write(jobs.index().page(query, job -> true), store, out);
        return new ObjectMapper().readTree(out.toString());
    }

    private void twoJobs() {
        for (int minute = 0; minute < 6; minute++) {
            jobs.add(minute % 2 == 0 ? "a" : "b", minute, "dev", "success");
        }
    }

    @Test
    void shouldWriteThePageNewestFirstWithEvidenceJobAndBuildAndSayTheChainsAreVerified() throws IOException {
        twoJobs();

        JsonNode page = write(RecordQuery.parse(Map.of("limit", "2")), jobs);

        assertThat(page.get("total").asLong()).isEqualTo(6);
        assertThat(page.get("records")).hasSize(2);
        JsonNode newest = page.get("records").get(0);
        assertThat(newest.get(0).asLong()).isEqualTo(3);
        assertThat(newest.get(JOB).asText()).isEqualTo("b");
        assertThat(newest.get(BUILD).asInt()).isEqualTo(3);
        assertThat(newest.get(10).get("note").asText()).isEqualTo("evidence of b #3");
        assertThat(newest.get(9).asText()).isEqualTo(jobs.chains.get("b").get(2).hash());
        assertThat(newest.get(UNTRUSTED).asInt()).isZero();
        assertThat(page.at("/verification/intact").asBoolean()).isTrue();
        assertThat(page.at("/verification/text").asText())
                .isEqualTo("Chain verified for the 2 job(s) on this page: 6 records, every hash and link intact.");
        assertThat(page.at("/vocabulary/titles").isObject()).isTrue();
    }

    @Test
    void shouldMarkTheRowsOfABrokenChainFromTheBreakOnAndNameTheJob() throws IOException {
        twoJobs();
        List<GovernanceRecord> b = jobs.chains.get("b");
        GovernanceRecord second = b.get(1);
        GovernanceEvent forged =
                new GovernanceEvent("mallory", "migrate", "customer", "dev", "9.9.9", "success", "forged", Map.of());
        b.set(1, new GovernanceRecord(second.sequence(), second.timeMillis(), forged, second.prev(), second.hash()));

        JsonNode page = write(RecordQuery.newest(), jobs);

        assertThat(page.at("/verification/intact").asBoolean()).isFalse();
        assertThat(page.at("/verification/title").asText()).isEqualTo("\u2716 Chain broken");
        assertThat(page.at("/verification/text").asText()).startsWith("Chain broken at record 2 in 'b', ");
        for (JsonNode row : page.get("records")) {
            boolean afterBreak = row.get(JOB).asText().equals("b") && row.get(0).asLong() >= 2;
            assertThat(row.get(UNTRUSTED).asInt()).as(row.toString()).isEqualTo(afterBreak ? 1 : 0);
        }
    }

    @Test
    void shouldMarkARowWhoseBuildIsGoneUntrustedWithoutEvidence() throws IOException {
        twoJobs();
        RecordStore buildGone = new RecordStore() {
            @Override
            public Optional<GovernanceRecord> record(final IndexRow row) {
                return row.job().equals("a") && row.sequence() == 3 ? Optional.empty() : jobs.record(row);
            }

            @Override
            public List<GovernanceRecord> chain(final String job) {
                return jobs.chain(job);
            }

            @Override
            public String chainState(final String job) {
                return jobs.chainState(job);
            }
        };

        JsonNode newestOfA = write(RecordQuery.parse(Map.of("q", "/job/a/", "limit", "1")), buildGone)
                .get("records")
                .get(0);

        assertThat(newestOfA.get(JOB).asText()).isEqualTo("a");
        assertThat(newestOfA.get(UNTRUSTED).asInt()).isEqualTo(1);
        assertThat(newestOfA.get(9).asText()).isEmpty();
        assertThat(newestOfA.get(10).size()).isZero();
    }

    @Test
    void shouldVerifyOnlyTheJobsOnThePageAndReuseTheVerdictUntilTheChainChanges() throws IOException {
        twoJobs();
        jobs.add("quiet", -100, "dev", "success");

        write(RecordQuery.parse(Map.of("limit", "3")), jobs);
        write(RecordQuery.parse(Map.of("limit", "3")), jobs);
        jobs.add("a", 50, "dev", "success");
        write(RecordQuery.parse(Map.of("limit", "3")), jobs);

        assertThat(jobs.chainLoads)
                .containsOnlyKeys("a", "b")
                .containsEntry("a", 2)
                .containsEntry("b", 1);
    }

    @Test
    void shouldWriteHostileValuesWithoutAnyMarkupCharacter() throws IOException {
        jobs.add("<script>alert(1)</script>", 0, "\"><img src=x onerror=alert(2)>", "fail & 'quote'");
        StringWriter out = new StringWriter();

        json.write(jobs.index().page(RecordQuery.newest(), job -> true), jobs, out);

        assertThat(out.toString()).doesNotContain("<", ">", "&", "'");
        assertThat(new ObjectMapper()
                        .readTree(out.toString())
                        .at("/records/0/" + JOB)
                        .asText())
                .isEqualTo("<script>alert(1)</script>");
    }

    @Test
    void shouldPageAndVerifyOneBuildsRecordsWithTheSameCode() throws IOException {
        twoJobs();
        ChainRecords build = new ChainRecords("a", 7, jobs.chains.get("a"));
        StringWriter out = new StringWriter();

        json.write(build.index().page(RecordQuery.parse(Map.of("limit", "2")), job -> true), build, out);

        JsonNode page = new ObjectMapper().readTree(out.toString());
        assertThat(page.get("total").asLong()).isEqualTo(3);
        assertThat(page.at("/records/0/" + BUILD).asInt()).isEqualTo(7);
        assertThat(page.at("/verification/intact").asBoolean()).isTrue();
    }

    @Test
    void shouldUseTheCallersChainCheckAndSayWhenEveryMacWasChecked() throws IOException {
        twoJobs();
        RecordPageJson keyed = new RecordPageJson(new JobVerifications((job, chain) -> job.equals("b")
                ? new io.jenkins.plugins.dataops.engine.governance.LedgerVerification(
                        false, chain.size(), 3, "in 'b', record 3's MAC does not match", true)
                : JobVerifications.verifyChain(chain).keyed(true)));
        StringWriter out = new StringWriter();

        keyed.write(jobs.index().page(RecordQuery.newest(), job -> true), jobs, out);

        JsonNode page = new ObjectMapper().readTree(out.toString());
        assertThat(page.at("/verification/text").asText())
                .isEqualTo("Chain broken at record 3 in 'b', record 3's MAC does not match; that record and every"
                        + " later one of its job cannot be trusted.");
        StringWriter intact = new StringWriter();
        new RecordPageJson(new JobVerifications(
                        (job, chain) -> JobVerifications.verifyChain(chain).keyed(true)))
                .write(jobs.index().page(RecordQuery.newest(), job -> true), jobs, intact);
        assertThat(new ObjectMapper()
                        .readTree(intact.toString())
                        .at("/verification/text")
                        .asText())
                .endsWith("every hash and link intact, every MAC checked with the ledger key.");
    }

    @Test
    void shouldWriteAnErrorAsJsonWithoutMarkup() throws IOException {
        StringWriter out = new StringWriter();

        RecordPageJson.writeError("Parameter 'q' is '<b>'; give text.", out);

        assertThat(out.toString()).doesNotContain("<", "'");
        assertThat(new ObjectMapper().readTree(out.toString()).get("error").asText())
                .isEqualTo("Parameter 'q' is '<b>'; give text.");
    }

    @Test
    void shouldSayThereIsNothingToVerifyOnAnEmptyPage() throws IOException {
        JsonNode page = write(RecordQuery.newest(), jobs);

        assertThat(page.get("total").asLong()).isZero();
        assertThat(page.at("/verification/text").asText()).isEqualTo("No records on this page, so no chain to verify.");
    }
}
