package io.jenkins.plugins.dataops.engine.migrate.liquibase;

import io.jenkins.plugins.dataops.engine.kernel.InvalidInputException;
import io.jenkins.plugins.dataops.engine.migrate.MigrationRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Explains a class Liquibase could not load while reading the changelog (a {@code customChange} whose jar is not
 * there): Liquibase's own message names only the class, so the changelog files are searched for it to name the
 * changeset and the included file that uses it.
 */
final class MissingClass {
    private static final Pattern CHANGE_SET = Pattern.compile("changeSet|--\\s*changeset", Pattern.CASE_INSENSITIVE);
    private static final Pattern SQL_HEADER = Pattern.compile("--\\s*changeset\\s+([^:\\s]+):(\\S+)");
    private static final Pattern ID = Pattern.compile("\\bid\"?\\s*[:=]\\s*[\"']?([^\"',}\\s>]+)");
    private static final Pattern AUTHOR = Pattern.compile("\\bauthor\"?\\s*[:=]\\s*[\"']?([^\"',}\\s>]+)");
    private static final List<String> TEXT = List.of(".xml", ".yaml", ".yml", ".json", ".sql");

    private MissingClass() {}

    static InvalidInputException explain(final MigrationRequest request, final Throwable e) {
        return explain(request.changelog(), request.searchPath(), e);
    }

    static InvalidInputException explain(final Path changelog, final List<Path> searchPath, final Throwable e) {
        String className = className(e);
        String remedy = "add the jar that holds it with 'extensions:' in the spec (jars or folders of jars beside "
                + "the spec), or correct the class name.";
        for (Path root : roots(changelog, searchPath)) {
            Optional<String> where = find(root, className);
            if (where.isPresent()) {
                return new InvalidInputException(
                        "%s of changelog '%s' uses class '%s': class not found; %s"
                                .formatted(where.get(), changelog.getFileName(), className, remedy),
                        e);
            }
        }
        return new InvalidInputException(
                "Changelog '%s' uses class '%s': class not found; %s"
                        .formatted(changelog.getFileName(), className, remedy),
                e);
    }

    private static String className(final Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ClassNotFoundException missing && missing.getMessage() != null) {
                return missing.getMessage().strip();
            }
        }
        return LiquibaseRun.rootMessage(e);
    }

    private static List<Path> roots(final Path changelog, final List<Path> searchPath) {
        List<Path> roots = new ArrayList<>(searchPath);
        roots.add(0, changelog.toAbsolutePath().getParent());
        return roots;
    }

    /** Finds "changeset 'file::id::author' in included file 'file'" for the first file that names the class. */
    private static Optional<String> find(final Path root, final String className) {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile)
                    .filter(f -> TEXT.stream().anyMatch(f.getFileName().toString()::endsWith))
                    .sorted()
                    .toList()) {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                int at = text.indexOf(className);
                if (at >= 0) {
                    String name = root.relativize(file).toString().replace('\\', '/');
                    return Optional.of("Changeset '%s::%s' in file '%s'".formatted(name, changeSet(text, at), name));
                }
            }
        } catch (IOException e) {
            return Optional.empty(); // the explanation then names only the class, as Liquibase did
        }
        return Optional.empty();
    }

    private static String changeSet(final String text, final int at) {
        int start = -1;
        Matcher header = CHANGE_SET.matcher(text);
        while (header.find() && header.start() < at) {
            start = header.start();
        }
        if (start < 0) {
            return "?::?";
        }
        String region = text.substring(start, at);
        Matcher sql = SQL_HEADER.matcher(region);
        if (sql.lookingAt()) {
            return sql.group(2) + "::" + sql.group(1);
        }
        return first(ID, region) + "::" + first(AUTHOR, region);
    }

    private static String first(final Pattern pattern, final String region) {
        Matcher m = pattern.matcher(region);
        return m.find() ? m.group(1) : "?";
    }
}
