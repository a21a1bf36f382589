package io.jenkins.plugins.dataops.engine.governance.report;

import io.jenkins.plugins.dataops.engine.kernel.DataOpsException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The report's stylesheet and script. The standalone page inlines them; a page that frames
 * {@link ReportRenderer#writeFragment} (the Jenkins plugin) serves them as files from these class-path resources,
 * so that the report runs under a Content-Security-Policy of {@code script-src 'self'; style-src 'self'}.
 */
public final class ReportResources {
    /** Class-path resource name of the stylesheet. */
    public static final String STYLESHEET = "io/jenkins/plugins/dataops/engine/governance/report/report.css";
    /** Class-path resource name of the script (no {@code eval}, no inline handlers; initialises on load). */
    public static final String SCRIPT = "io/jenkins/plugins/dataops/engine/governance/report/report.js";

    private static final String STYLESHEET_TEXT = load(STYLESHEET);
    private static final String SCRIPT_TEXT = load(SCRIPT);

    private ReportResources() {
        // static accessors only
    }

    /**
     * Returns the stylesheet.
     *
     * @return the CSS text (UTF-8 when served)
     */
    public static String stylesheet() {
        return STYLESHEET_TEXT;
    }

    /**
     * Returns the script.
     *
     * @return the JavaScript text (UTF-8 when served)
     */
    public static String script() {
        return SCRIPT_TEXT;
    }

    /**
     * Opens a resource as a stream, for a web framework that serves streams.
     *
     * @param name {@link #STYLESHEET} or {@link #SCRIPT}
     * @return the stream; the caller closes it
     * @throws IllegalArgumentException when the name is not one of the two
     */
    public static InputStream open(final String name) {
        if (!STYLESHEET.equals(name) && !SCRIPT.equals(name)) {
            throw new IllegalArgumentException(
                    "Report resource '%s' does not exist; use '%s' or '%s'.".formatted(name, STYLESHEET, SCRIPT));
        }
        InputStream stream = ReportResources.class.getClassLoader().getResourceAsStream(name);
        if (stream == null) {
            throw new DataOpsException(
                    "Report resource '%s' is missing from the engine jar; rebuild it.".formatted(name));
        }
        return stream;
    }

    private static String load(final String name) {
        try (InputStream stream = open(name)) {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read report resource '%s'".formatted(name), e);
        }
    }
}
