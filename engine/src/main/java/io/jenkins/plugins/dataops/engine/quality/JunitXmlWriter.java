package io.jenkins.plugins.dataops.engine.quality;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Writes a {@link DataTestReport} as JUnit XML, the format Jenkins' {@code junit} step reads: a
 * {@code <testsuites>} root, one {@code <testsuite>} per check suite, one {@code <testcase>} per check with
 * {@code classname="dataops.<env>.<suite>"} and {@code name="<table>.<check>"}. Breached error checks are
 * {@code <failure>}s, checks that could not run are {@code <error>}s, and breached warn checks are passing
 * test cases with a {@code <system-out>} text, so they show up without failing the build.
 */
public final class JunitXmlWriter {
    private JunitXmlWriter() {}

    /**
     * Renders a report.
     *
     * @param report the report
     * @return the XML text, UTF-8 declared
     */
    public static String render(final DataTestReport report) {
        StringWriter out = new StringWriter();
        write(report, out);
        return out.toString();
    }

    /**
     * Writes a report to a file, creating its folder: the one way both front ends write JUnit XML.
     *
     * @param report the report
     * @param file   the file; replaced when it exists
     * @throws IOException when the folder or file cannot be written
     */
    public static void write(final DataTestReport report, final Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            write(report, out);
        }
    }

    /**
     * Writes a report.
     *
     * @param report the report
     * @param out    where to write; not closed
     * @throws UncheckedIOException when writing fails
     */
    public static void write(final DataTestReport report, final Writer out) {
        try {
            Document doc =
                    DocumentBuilderFactory.newInstance().newDocumentBuilder().newDocument();
            Element root = doc.createElement("testsuites");
            root.setAttribute("name", "dataops." + report.environment());
            counts(root, report.results());
            root.setAttribute("time", seconds(report.durationMillis()));
            doc.appendChild(root);
            for (String suite : report.suites()) {
                List<CheckResult> results = report.results().stream()
                        .filter(r -> r.suite().equals(suite))
                        .collect(Collectors.toList());
                root.appendChild(suite(doc, report, suite, results));
            }
            TransformerFactory factory = TransformerFactory.newInstance();
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
            Transformer transformer = factory.newTransformer();
            transformer.setOutputProperty(OutputKeys.INDENT, "yes");
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            transformer.setOutputProperty("{http://xml.apache.org/xslt}indent-amount", "2");
            transformer.transform(new DOMSource(doc), new StreamResult(out));
            out.flush();
        } catch (ParserConfigurationException | TransformerException e) {
            throw new IllegalStateException("Cannot render the data test report as JUnit XML", e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the JUnit XML report: " + e.getMessage(), e);
        }
    }

    private static Element suite(
            final Document doc, final DataTestReport report, final String suite, final List<CheckResult> results) {
        Element element = doc.createElement("testsuite");
        element.setAttribute("name", suite);
        counts(element, results);
        element.setAttribute(
                "time",
                seconds(results.stream().mapToLong(CheckResult::durationMillis).sum()));
        element.setAttribute("timestamp", report.startedAt().toString().replaceFirst("\\.\\d+Z$", "Z"));
        for (CheckResult r : results) {
            element.appendChild(testCase(doc, report.environment(), r));
        }
        return element;
    }

    private static Element testCase(final Document doc, final String environment, final CheckResult r) {
        Element testCase = doc.createElement("testcase");
        testCase.setAttribute("classname", "dataops." + environment + "." + r.suite());
        testCase.setAttribute("name", r.table() + "." + r.name());
        testCase.setAttribute("time", seconds(r.durationMillis()));
        if (!r.checkedRange().isEmpty()) {
            // a check of an incremental suite says which rows it saw; the others saw every row, as before
            testCase.appendChild(properties(doc, r));
        }
        switch (r.status()) {
            case FAIL -> testCase.appendChild(problem(doc, "failure", r));
            case ERROR -> testCase.appendChild(problem(doc, "error", r));
            case WARN -> {
                Element out = doc.createElement("system-out");
                out.setTextContent(clean("WARNING (severity warn, not failing the build): " + body(r)));
                testCase.appendChild(out);
            }
            default -> {
                // a passing check is an empty test case
            }
        }
        return testCase;
    }

    /** Which rows the check looked at: its count, and in an incremental suite whether only the changed ones. */
    private static Element properties(final Document doc, final CheckResult r) {
        Element properties = doc.createElement("properties");
        property(doc, properties, "checkedRows", String.valueOf(r.checkedRows()));
        property(doc, properties, "incremental", String.valueOf(r.incremental()));
        property(doc, properties, "checkedRange", r.checkedRange());
        return properties;
    }

    private static void property(final Document doc, final Element properties, final String name, final String value) {
        Element property = doc.createElement("property");
        property.setAttribute("name", name);
        property.setAttribute("value", clean(value));
        properties.appendChild(property);
    }

    private static Element problem(final Document doc, final String kind, final CheckResult r) {
        Element element = doc.createElement(kind);
        element.setAttribute("message", clean(r.message()));
        element.setAttribute("type", r.type().key());
        element.setTextContent(clean(body(r)));
        return element;
    }

    static String body(final CheckResult r) {
        StringBuilder body = new StringBuilder(r.message())
                .append('\n')
                .append("check: ")
                .append(r.type().key())
                .append(", severity ")
                .append(r.severity().key())
                .append('\n')
                .append("observed: ")
                .append(r.observed())
                .append('\n')
                .append("threshold: ")
                .append(r.threshold())
                .append('\n');
        if (!r.checkedRange().isEmpty()) {
            body.append("checked: ").append(r.checkedRange()).append('\n');
        }
        if (!r.sample().isEmpty()) {
            body.append("sample (")
                    .append(r.sample().size())
                    .append(r.sample().size() == 1 ? " row" : " rows")
                    .append("):\n");
            for (Map<String, String> row : r.sample()) {
                body.append("  ")
                        .append(row.entrySet().stream()
                                .map(e -> e.getKey() + "=" + (e.getValue() == null ? "NULL" : e.getValue()))
                                .collect(Collectors.joining(", ")))
                        .append('\n');
            }
        }
        return body.toString();
    }

    private static void counts(final Element element, final List<CheckResult> results) {
        element.setAttribute("tests", String.valueOf(results.size()));
        element.setAttribute(
                "failures",
                String.valueOf(results.stream()
                        .filter(r -> r.status() == CheckStatus.FAIL)
                        .count()));
        element.setAttribute(
                "errors",
                String.valueOf(results.stream()
                        .filter(r -> r.status() == CheckStatus.ERROR)
                        .count()));
        element.setAttribute("skipped", "0");
    }

    private static String seconds(final long millis) {
        return String.format(Locale.ROOT, "%.3f", millis / 1000.0);
    }

    /** Removes characters XML 1.0 cannot hold (control characters from sample data). */
    private static String clean(final String text) {
        return text.replaceAll("[^\\x09\\x0A\\x0D\\x20-\\x{D7FF}\\x{E000}-\\x{FFFD}\\x{10000}-\\x{10FFFF}]", "?");
    }
}
