package io.jenkins.plugins.dataops.engine.governance.report;

import java.io.IOException;
import java.io.Writer;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The formats of the governance report, with the one call a front end needs: {@link #write}. */
public enum ReportFormat {
    /** A standalone HTML page. */
    HTML("text/html", "html"),
    /** CSV, RFC 4180, one line per record. */
    CSV("text/csv", "csv"),
    /** A JSON array of records. */
    JSON("application/json", "json");

    private final String mediaType;
    private final String extension;

    ReportFormat(final String mediaType, final String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    /**
     * Parses a format name as given on a command line or in a URL.
     *
     * @param name {@code html}, {@code csv} or {@code json}, any case
     * @return the format
     * @throws IllegalArgumentException naming the value and the choices when it is none of them
     */
    public static ReportFormat parse(final String name) {
        for (ReportFormat format : values()) {
            if (format.extension.equals(name.trim().toLowerCase(Locale.ROOT))) {
                return format;
            }
        }
        throw new IllegalArgumentException("Report format '%s' is unknown; use one of %s."
                .formatted(name, Arrays.stream(values()).map(f -> f.extension).collect(Collectors.joining(", "))));
    }

    /**
     * Writes the records in this format: the page for HTML (filtered by {@code options.filter()}), the filtered
     * records for CSV and JSON. Streams: memory does not grow with the number of records.
     *
     * @param source  the records (read twice for HTML)
     * @param options title, verification, promotion paths (HTML only) and the filter (all formats)
     * @param out     where it goes, UTF-8 when it is a file (not closed, flushed)
     * @throws IOException when writing fails
     * @throws io.jenkins.plugins.dataops.engine.kernel.DataOpsException when the source cannot be read
     */
    public void write(final RecordSource source, final ReportOptions options, final Writer out) throws IOException {
        switch (this) {
            case HTML -> new ReportRenderer().writePage(source, options, out);
            case CSV -> new CsvExporter().export(source, options.filter(), out);
            case JSON -> new JsonExporter().export(source, options.filter(), out);
            default -> throw new IllegalStateException("Unhandled format " + this);
        }
    }

    /** @return the HTTP media type, e.g. {@code text/csv} */
    public String mediaType() {
        return mediaType;
    }

    /** @return the file extension without dot, e.g. {@code csv} */
    public String extension() {
        return extension;
    }
}
