package io.jenkins.plugins.dataops.engine.quality;

import io.jenkins.plugins.dataops.engine.kernel.InputLimits;
import io.jenkins.plugins.dataops.engine.kernel.InvalidInputException;
import io.jenkins.plugins.dataops.engine.kernel.Sha256;
import io.jenkins.plugins.dataops.engine.kernel.Suggestions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reads and validates the check suites of a checks folder: every {@code *.yaml} and {@code *.yml} file, one
 * suite per file, sorted by file name. All files are validated before any is returned, so nothing runs when a
 * single suite is invalid.
 */
public final class CheckSuiteLoader {
    private CheckSuiteLoader() {}

    /**
     * Loads every suite of a folder.
     *
     * @param checksDir the checks folder of a data product
     * @return the suites, sorted by file name; empty when the folder has no suite file
     * @throws InvalidInputException listing every problem of every file (file, line, key), or when the folder
     *                               does not exist or cannot be read
     */
    public static List<CheckSuite> load(final Path checksDir) {
        if (!Files.isDirectory(checksDir)) {
            throw new InvalidInputException(
                    "Checks folder '%s' does not exist; create it or fix 'checks' in the spec.".formatted(checksDir));
        }
        List<Path> files = suiteFiles(checksDir);
        List<CheckSuite> suites = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Path file : files) {
            String fileName = file.getFileName().toString();
            byte[] bytes = read(file);
            SuiteParser parser = new SuiteParser(fileName);
            parser.parse(new String(bytes, StandardCharsets.UTF_8), Sha256.hex(bytes))
                    .ifPresent(suites::add);
            problems.addAll(parser.problems());
        }
        suites.stream().collect(Collectors.groupingBy(CheckSuite::name)).forEach((name, same) -> {
            if (same.size() > 1) {
                problems.add("Check suites %s have the same name '%s'; keep one file per suite."
                        .formatted(
                                same.stream().map(s -> "'" + s.file() + "'").collect(Collectors.joining(" and ")),
                                name));
            }
        });
        if (!problems.isEmpty()) {
            throw new InvalidInputException(
                    problems.size() == 1
                            ? problems.get(0)
                            : problems.size() + " problems in the check suites:\n  " + String.join("\n  ", problems));
        }
        return List.copyOf(suites);
    }

    /**
     * Loads one suite of a folder, after validating all of them.
     *
     * @param checksDir the checks folder
     * @param suiteName the suite name (file name without extension)
     * @return a list with that one suite
     * @throws InvalidInputException when a suite is invalid or there is no suite of that name
     */
    public static List<CheckSuite> load(final Path checksDir, final String suiteName) {
        List<CheckSuite> all = load(checksDir);
        List<CheckSuite> selected =
                all.stream().filter(s -> s.name().equals(suiteName)).collect(Collectors.toList());
        if (selected.isEmpty()) {
            List<String> names = all.stream().map(CheckSuite::name).collect(Collectors.toList());
            throw new InvalidInputException("There is no check suite '%s'%s; the suites are: %s."
                    .formatted(
                            suiteName,
                            Suggestions.didYouMean(suiteName, names),
                            names.isEmpty() ? "none" : String.join(", ", names)));
        }
        return selected;
    }

    /**
     * Computes the checksum of a set of suites for the governance record: the SHA-256 over each suite's file
     * name and file checksum, in suite order.
     *
     * @param suites the suites
     * @return the hex SHA-256
     */
    public static String checksum(final List<CheckSuite> suites) {
        StringBuilder all = new StringBuilder();
        suites.forEach(
                s -> all.append(s.file()).append(' ').append(s.checksum()).append('\n'));
        return Sha256.hex(all.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static List<Path> suiteFiles(final Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> f.getFileName().toString().matches(".*\\.ya?ml"))
                    .sorted((a, b) ->
                            a.getFileName().toString().compareTo(b.getFileName().toString()))
                    .collect(Collectors.toList());
        } catch (IOException e) {
            throw new InvalidInputException("Cannot list the checks folder '%s': %s".formatted(dir, e.getMessage()), e);
        }
    }

    private static byte[] read(final Path file) {
        InputLimits.requireSize(file, InputLimits.SUITE_BYTES, "Check suite");
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new InvalidInputException("Cannot read check suite '%s': %s".formatted(file, e.getMessage()), e);
        }
    }
}
