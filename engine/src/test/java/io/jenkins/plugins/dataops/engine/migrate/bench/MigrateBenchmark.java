package io.jenkins.plugins.dataops.engine.migrate.bench;

import io.jenkins.plugins.dataops.engine.testing.PostgresServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Whole-process {@code dataops migrate} against raw Liquibase {@code update} (its own command-line main class from
 * the same jar), on fresh identical databases, interleaved, median of N rounds. Run by hand:
 * {@code MigrateBenchmark cli/target/dataops.jar 2,110 5}.
 */
public final class MigrateBenchmark {
    private static final String LIQUIBASE_MAIN = "liquibase.integration.commandline.LiquibaseCommandLine";

    private final Path jar;
    private final Path work;

    private MigrateBenchmark(final Path jar, final Path work) {
        this.jar = jar;
        this.work = work;
    }

    /**
     * Runs the benchmark.
     *
     * @param args the CLI jar, the changeset counts (comma-separated), the rounds
     * @throws Exception when a run fails
     */
    public static void main(final String[] args) throws Exception {
        Path jar = Path.of(args.length > 0 ? args[0] : "cli/target/dataops.jar").toAbsolutePath();
        String[] counts = (args.length > 1 ? args[1] : "2,110").split(",");
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        MigrateBenchmark bench = new MigrateBenchmark(jar, Files.createTempDirectory("migrate-bench"));
        System.out.printf("%d cores, %s, %d rounds%n", Runtime.getRuntime().availableProcessors(), jar, rounds);
        for (String dialect : List.of("postgres", "h2")) {
            for (String count : counts) {
                bench.compare(dialect, Integer.parseInt(count.strip()), rounds);
            }
        }
    }

    private void compare(final String dialect, final int changeSets, final int rounds) throws Exception {
        List<Long> ours = new ArrayList<>();
        List<Long> raw = new ArrayList<>();
        List<Double> paired = new ArrayList<>();
        for (int round = 0; round <= rounds; round++) {
            long o = ours(dialect, changeSets, round);
            long r = raw(dialect, changeSets, round);
            if (round > 0) { // round 0 warms the page cache and the JIT-compiled parts of the JDK
                ours.add(o);
                raw.add(r);
                paired.add((double) o / r);
            }
        }
        long ourMedian = median(ours);
        long rawMedian = median(raw);
        Collections.sort(paired);
        System.out.printf(
                "%-8s %4d changesets: dataops migrate %5d ms, liquibase update %5d ms, ratio %.2f (paired median %.2f)%n",
                dialect,
                changeSets,
                ourMedian,
                rawMedian,
                (double) ourMedian / rawMedian,
                paired.get(paired.size() / 2));
    }

    private long ours(final String dialect, final int changeSets, final int round) throws Exception {
        Path product = Files.createDirectories(work.resolve("ours-" + dialect + "-" + changeSets + "-" + round));
        writeChangelog(product.resolve("db"), changeSets);
        String environment;
        if ("postgres".equals(dialect)) {
            PostgresServer server = PostgresServer.get();
            environment = "{ provider: postgres, url: '%s', credentials: pg, database: %s }"
                    .formatted(server.jdbcUrl("postgres"), server.createDatabase("ours"));
        } else {
            environment = "{ provider: h2 }";
        }
        Files.writeString(product.resolve("dataops.yaml"), """
                product: bench
                changelog: db/changelog.yaml
                allow: { noRollback: true }
                environments:
                  dev: %s
                """.formatted(environment));
        if (!"postgres".equals(dialect)) {
            run(
                    product,
                    List.of("java", "-jar", jar.toString(), "--spec", "dataops.yaml", "provision", "--env", "dev"));
        }
        return run(
                product, List.of("java", "-jar", jar.toString(), "--spec", "dataops.yaml", "migrate", "--env", "dev"));
    }

    private long raw(final String dialect, final int changeSets, final int round) throws Exception {
        Path product = Files.createDirectories(work.resolve("raw-" + dialect + "-" + changeSets + "-" + round));
        writeChangelog(product.resolve("db"), changeSets);
        String url;
        String user;
        String password;
        if ("postgres".equals(dialect)) {
            PostgresServer server = PostgresServer.get();
            url = server.jdbcUrl(server.createDatabase("raw"));
            user = PostgresServer.SUPERUSER;
            password = PostgresServer.SUPERUSER_PASSWORD;
        } else {
            url = "jdbc:h2:file:" + product.resolve(".dataops/h2/dev").toAbsolutePath() + ";AUTO_SERVER=TRUE";
            user = "sa";
            password = "";
        }
        return run(
                product,
                List.of(
                        "java",
                        "-cp",
                        jar.toString(),
                        LIQUIBASE_MAIN,
                        "--url=" + url,
                        "--username=" + user,
                        "--password=" + password,
                        "--search-path=db",
                        "--changelog-file=changelog.yaml",
                        "--show-banner=false",
                        "--analytics-enabled=false",
                        "update"));
    }

    private static long run(final Path dir, final List<String> command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
        Map<String, String> env = builder.environment();
        env.put("DATAOPS_CRED_PG_USER", PostgresServer.SUPERUSER);
        env.put("DATAOPS_CRED_PG_PASSWORD", PostgresServer.SUPERUSER_PASSWORD);
        builder.redirectErrorStream(true)
                .redirectOutput(dir.resolve("output.txt").toFile());
        long start = System.nanoTime();
        int exit = builder.start().waitFor();
        long millis = (System.nanoTime() - start) / 1_000_000;
        if (exit != 0) {
            throw new IllegalStateException("'%s' failed with exit code %d; see %s"
                    .formatted(String.join(" ", command), exit, dir.resolve("output.txt")));
        }
        return millis;
    }

    /** Changesets of a realistic mix: tables with keys and an index, a foreign key, seed rows; tagged at the end. */
    private static void writeChangelog(final Path folder, final int changeSets) throws IOException {
        Files.createDirectories(folder);
        StringBuilder yaml = new StringBuilder("databaseChangeLog:\n");
        for (int i = 1; i < changeSets; i++) {
            yaml.append("""
                      - changeSet:
                          id: %1$d-table
                          author: bench
                          changes:
                            - createTable:
                                tableName: t_%1$d
                                columns:
                                  - column: { name: id, type: BIGINT, constraints: { primaryKey: true, primaryKeyName: t_%1$d_pk } }
                                  - column: { name: name, type: VARCHAR(100) }
                                  - column: { name: parent_id, type: BIGINT }
                            - createIndex: { tableName: t_%1$d, indexName: t_%1$d_name, columns: [ { column: { name: name } } ] }
                            - insert: { tableName: t_%1$d, columns: [ { column: { name: id, valueNumeric: 1 } }, { column: { name: name, value: seed } } ] }
                    """.formatted(i));
        }
        yaml.append("  - changeSet: { id: tag, author: bench, changes: [ { tagDatabase: { tag: v1 } } ] }\n");
        Files.writeString(folder.resolve("changelog.yaml"), yaml.toString());
    }

    private static long median(final List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
