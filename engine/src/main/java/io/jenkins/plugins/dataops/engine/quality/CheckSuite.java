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
 * @param incremental the column of {@code incremental: { column: ... }} (a timestamp or a monotonic number) whose
 *                 watermark limits the row-level checks to the rows changed since the last passing run; empty: the
 *                 suite always checks the whole table
 * @param pii      which columns of its sample rows are masked
 */
public record CheckSuite(
        String name,
        String file,
        String table,
        String since,
        List<Check> checks,
        String checksum,
        String incremental,
        PiiColumns pii)
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
        Objects.requireNonNull(incremental, "incremental");
        Objects.requireNonNull(pii, "pii");
    }

    /**
     * Creates a suite that masks the default columns only.
     *
     * @param name        the suite name
     * @param file        the file name
     * @param table       the table
     * @param since       the release from which on it applies, or empty
     * @param checks      the checks
     * @param checksum    the SHA-256 of the file's bytes
     * @param incremental the incremental column, or empty
     */
    public CheckSuite(
            final String name,
            final String file,
            final String table,
            final String since,
            final List<Check> checks,
            final String checksum,
            final String incremental) {
        this(name, file, table, since, checks, checksum, incremental, PiiColumns.defaults());
    }

    /**
     * Creates a suite that always checks the whole table and masks the default columns only.
     *
     * @param name     the suite name
     * @param file     the file name
     * @param table    the table
     * @param since    the release from which on it applies, or empty
     * @param checks   the checks
     * @param checksum the SHA-256 of the file's bytes
     */
    public CheckSuite(
            final String name,
            final String file,
            final String table,
            final String since,
            final List<Check> checks,
            final String checksum) {
        this(name, file, table, since, checks, checksum, "", PiiColumns.defaults());
    }

    /**
     * Tells whether the suite declares an incremental column.
     *
     * @return true when it has {@code incremental: { column: ... }}
     */
    public boolean isIncremental() {
        return !incremental.isEmpty();
    }
}
