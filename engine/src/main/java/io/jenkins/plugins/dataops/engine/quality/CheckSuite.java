package io.jenkins.plugins.dataops.engine.quality;

import java.io.Serial;
import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * The checks of one table, read from one suite file.
 *
 * @param name     the suite name: the file name without {@code .yaml}/{@code .yml}
 * @param file     the file name, for messages
 * @param table    the table as written in the suite (resolved against the live schema when run)
 * @param since    the release tag from which on the suite applies (its table appears then); empty: always
 * @param checks   the checks, in file order
 * @param checksum the SHA-256 (hex) of the file's bytes
 */
public record CheckSuite(String name, String file, String table, String since, List<Check> checks, String checksum)
        implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    /** Validates and copies the parts. */
    public CheckSuite {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(since, "since");
        checks = List.copyOf(checks);
        Objects.requireNonNull(checksum, "checksum");
    }
}
