package io.jenkins.plugins.dataops.engine.governance.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RecordIndexTest {
    private final IndexFixtures jobs = new IndexFixtures();

    private RecordIndex threeJobs() {
        for (int minute = 0; minute < 30; minute++) {
            jobs.add(
                    List.of("a", "b", "folder/c").get(minute % 3), minute, minute % 2 == 0 ? "dev" : "prod", "success");
        }
        return jobs.index();
    }

    private static List<String> names(final RecordPage page) {
        return page.rows().stream().map(row -> row.job() + "#" + row.sequence()).toList();
    }

    @Test
    void shouldPageNewestFirstAndCountEveryMatch() {
        RecordIndex index = threeJobs();

        RecordPage first = index.page(RecordQuery.parse(Map.of("limit", "4")), job -> true);
        RecordPage second = index.page(RecordQuery.parse(Map.of("limit", "4", "offset", "4")), job -> true);

        assertThat(first.total()).isEqualTo(30);
        assertThat(names(first)).containsExactly("folder/c#10", "b#10", "a#10", "folder/c#9");
        assertThat(names(second)).containsExactly("b#9", "a#9", "folder/c#8", "b#8");
        assertThat(index.page(RecordQuery.parse(Map.of("offset", "29")), job -> true)
                        .rows())
                .hasSize(1);
        assertThat(index.page(RecordQuery.parse(Map.of("offset", "30")), job -> true)
                        .rows())
                .isEmpty();
    }

    @Test
    void shouldHideJobsTheReaderMayNotReadFromRowsAndTotalAskingOncePerJob() {
        RecordIndex index = threeJobs();
        AtomicInteger asked = new AtomicInteger();

        RecordPage page = index.page(RecordQuery.parse(Map.of("limit", "500")), job -> {
            asked.incrementAndGet();
            return !job.startsWith("folder/");
        });

        assertThat(page.total()).isEqualTo(20);
        assertThat(page.rows()).extracting(IndexRow::job).containsOnly("a", "b");
        assertThat(asked).hasValue(3);
    }

    @Test
    void shouldFilterOnTheServerBeforePaging() {
        RecordIndex index = threeJobs();

        RecordPage page =
                index.page(RecordQuery.parse(Map.of("env", "prod", "q", "folder/", "limit", "2")), job -> true);

        assertThat(page.total()).isEqualTo(5);
        assertThat(page.rows())
                .allMatch(row -> row.environment().equals("prod") && row.job().equals("folder/c"));
        assertThat(page.rows()).hasSize(2);
    }

    @Test
    void shouldKeepTimeOrderWhenRowsArriveOutOfOrder() {
        RecordIndex index = new RecordIndex();
        jobs.add("a", 10, "dev", "success");
        jobs.add("b", 5, "dev", "success");
        jobs.add("c", 20, "dev", "success");
        List<IndexRow> rows = new ArrayList<>(jobs.rows());

        rows.forEach(row -> index.add(List.of(row)));

        assertThat(names(index.page(RecordQuery.newest(), job -> true))).containsExactly("c#1", "a#1", "b#1");
    }

    @Test
    void shouldDropADeletedBuildAndADeletedFolderWithItsJobsButNotASiblingWithTheSamePrefix() {
        RecordIndex index = threeJobs();
        jobs.add("folderX", 99, "dev", "success");
        index.add(List.of(IndexRow.of("folderX", 1, jobs.chains.get("folderX").get(0))));

        assertThat(index.removeBuild("a", 3)).isTrue();
        assertThat(index.removeBuild("a", 3)).isFalse();
        assertThat(index.removeJob("folder")).isTrue();

        assertThat(index.jobRows("a"))
                .extracting(IndexRow::sequence)
                .doesNotContain(3L)
                .hasSize(9);
        assertThat(index.jobRows("folder/c")).isEmpty();
        assertThat(index.jobRows("folderX")).hasSize(1);
    }

    @Test
    void shouldMoveTheRowsOfARenamedJobAndOfTheJobsInARenamedFolder() {
        RecordIndex index = threeJobs();

        index.moveJob("a", "renamed");
        index.moveJob("folder", "team");

        assertThat(index.jobRows("a")).isEmpty();
        assertThat(index.jobRows("renamed")).hasSize(10);
        assertThat(index.jobRows("team/c")).hasSize(10);
        assertThat(index.size()).isEqualTo(30);
    }

    @Test
    void shouldSummariseWithoutEvidenceAndExportEveryVisibleRecordWithItsEvidenceOldestFirst() {
        RecordIndex index = threeJobs();
        List<io.jenkins.plugins.dataops.engine.governance.GovernanceRecord> summary = new ArrayList<>();
        List<io.jenkins.plugins.dataops.engine.governance.GovernanceRecord> export = new ArrayList<>();

        index.summarySource(job -> !job.equals("b")).forEach(summary::add);
        index.exportSource(job -> !job.equals("b"), jobs).forEach(export::add);

        assertThat(summary)
                .hasSize(20)
                .allMatch(record -> record.event().evidence().isEmpty());
        assertThat(export).hasSize(20);
        assertThat(export.get(0)).isEqualTo(jobs.chains.get("a").get(0));
        assertThat(export).extracting(record -> record.event().buildRef()).noneMatch(ref -> ref.contains("/job/b/"));
        assertThat(export)
                .isSortedAccordingTo(java.util.Comparator.comparingLong(
                        io.jenkins.plugins.dataops.engine.governance.GovernanceRecord::timeMillis));
    }

    @Test
    void shouldReplaceTheRowsOfOneJobOnly() {
        RecordIndex index = threeJobs();

        index.replaceJob("b", index.jobRows("b").subList(0, 2));

        assertThat(index.jobRows("b")).hasSize(2);
        assertThat(index.size()).isEqualTo(22);
        assertThat(names(index.page(RecordQuery.parse(Map.of("limit", "1")), job -> true)))
                .containsExactly("folder/c#10");
    }
}
