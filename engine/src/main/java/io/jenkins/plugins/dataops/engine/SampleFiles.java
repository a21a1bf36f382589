package io.jenkins.plugins.dataops.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.jenkins.plugins.dataops.engine.governance.EvidenceKeys;
import io.jenkins.plugins.dataops.engine.kernel.DataOpsException;
import io.jenkins.plugins.dataops.engine.kernel.Sha256;
import io.jenkins.plugins.dataops.engine.kernel.StatePaths;
import io.jenkins.plugins.dataops.engine.quality.CheckResult;
import io.jenkins.plugins.dataops.engine.quality.CheckStatus;
import io.jenkins.plugins.dataops.engine.quality.DataTestReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes the failing rows of a data-test run to a file of their own in {@code .dataops/evidence/}, which the
 * run's ledger record names by SHA-256: the rows may hold personal data, and a record in the append-only chain
 * can never be deleted, while this file can be (or expire) without breaking the chain.
 */
final class SampleFiles {
    /** The folder, inside the state folder, that holds the sample files. */
    static final String FOLDER = "evidence";

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'").withZone(ZoneOffset.UTC);

    private final Path stateDir;

    SampleFiles(final Path stateDir) {
        this.stateDir = stateDir;
    }

    /**
     * Writes the sample rows of a run's failed checks, when there are any.
     *
     * @param environment the environment tested
     * @param report      the run's report
     * @param sampleSize  the most rows per check
     * @param when        when the run was recorded
     * @return the reference for the record ({@code file}, {@code sha256}, {@code rows}), empty when no check has
     *     sample rows
     */
    Optional<Map<String, Object>> write(
            final String environment, final DataTestReport report, final int sampleSize, final Instant when) {
        List<Object> checks = new ArrayList<>();
        int rows = 0;
        for (CheckResult result : report.results()) {
            if (result.status() == CheckStatus.PASS || result.sample().isEmpty() || sampleSize <= 0) {
                continue;
            }
            List<Map<String, String>> sample =
                    result.sample().stream().limit(sampleSize).toList();
            Map<String, Object> check = new LinkedHashMap<>();
            check.put(EvidenceKeys.SUITE, result.suite());
            check.put(EvidenceKeys.TABLE, result.table());
            check.put(EvidenceKeys.CHECK, result.name());
            check.put(EvidenceKeys.SAMPLE, sample);
            checks.add(check);
            rows += sample.size();
        }
        if (checks.isEmpty()) {
            return Optional.empty();
        }
        byte[] bytes = json(Map.of("environment", environment, EvidenceKeys.CHECKS, checks));
        String sha256 = Sha256.hex(bytes);
        String name = "samples-%s-%s-%s.json".formatted(environment, STAMP.format(when), sha256.substring(0, 8));
        Path folder = stateDir.resolve(FOLDER);
        Path file = StatePaths.contained(stateDir, folder.resolve(name));
        try {
            Files.createDirectories(folder);
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new DataOpsException(
                    "Cannot write the sample rows of the data tests of '%s' to '%s': %s"
                            .formatted(environment, file, e.getMessage()),
                    e);
        }
        Map<String, Object> reference = new LinkedHashMap<>();
        reference.put(EvidenceKeys.FILE, FOLDER + "/" + name);
        reference.put(EvidenceKeys.SHA256, sha256);
        reference.put(EvidenceKeys.ROWS, rows);
        return Optional.of(reference);
    }

    private static byte[] json(final Map<String, Object> content) {
        try {
            return JSON.writeValueAsString(content).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("plain maps always serialise", e);
        }
    }
}
