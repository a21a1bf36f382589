package io.jenkins.plugins.dataops.engine.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** The JUnit XML, parsed back with the JDK DOM and held to the structure Jenkins' JUnit plugin reads. */
class JunitXmlWriterTest {
    private static Document parse(final String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<Element> children(final Element parent, final String name) {
        List<Element> elements = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i).getNodeType() == Node.ELEMENT_NODE
                    && nodes.item(i).getNodeName().equals(name)) {
                elements.add((Element) nodes.item(i));
            }
        }
        return elements;
    }

    @Test
    void shouldWriteOneTestSuitePerCheckSuiteAndOneTestCasePerCheck() throws Exception {
        // Given a report with a pass, a failure, a warning and an error in two suites
        DataTestReport report = ReportFixtures.report();

        // When it is written and parsed back
        Document doc = parse(JunitXmlWriter.render(report));

        // Then the root and suites carry the counts Jenkins reads
        Element root = doc.getDocumentElement();
        assertThat(root.getTagName()).isEqualTo("testsuites");
        assertThat(root.getAttribute("tests")).isEqualTo("4");
        assertThat(root.getAttribute("failures")).isEqualTo("1");
        assertThat(root.getAttribute("errors")).isEqualTo("1");
        assertThat(root.getAttribute("skipped")).isEqualTo("0");
        assertThat(Double.parseDouble(root.getAttribute("time"))).isEqualTo(1.234);
        List<Element> suites = children(root, "testsuite");
        assertThat(suites).extracting(s -> s.getAttribute("name")).containsExactly("customer", "orders");
        Element customer = suites.get(0);
        assertThat(customer.getAttribute("tests")).isEqualTo("3");
        assertThat(customer.getAttribute("failures")).isEqualTo("1");
        assertThat(customer.getAttribute("errors")).isEqualTo("0");
        assertThat(customer.getAttribute("time")).isEqualTo("0.022");
        assertThat(customer.getAttribute("timestamp")).isEqualTo("2024-01-10T12:00:00Z");

        // And each check is a test case named after env, suite, table and check
        List<Element> cases = children(customer, "testcase");
        assertThat(cases).extracting(c -> c.getAttribute("classname")).containsOnly("dataops.qat.customer");
        assertThat(cases)
                .extracting(c -> c.getAttribute("name"))
                .containsExactly("customer.not_null_email", "customer.unique_email", "customer.points");
        assertThat(cases)
                .allSatisfy(c ->
                        assertThat(Double.parseDouble(c.getAttribute("time"))).isNotNegative());
        assertThat(cases.get(0).getChildNodes().getLength()).isZero();
    }

    @Test
    void shouldWriteFailuresWithEvidenceWarningsAsPassingCasesAndErrorsAsErrors() throws Exception {
        // When the report is written and parsed back
        Element root = parse(JunitXmlWriter.render(ReportFixtures.report())).getDocumentElement();
        List<Element> customerCases = children(children(root, "testsuite").get(0), "testcase");
        List<Element> orderCases = children(children(root, "testsuite").get(1), "testcase");

        // Then the failure holds message, type, observed value, threshold and the sample, escaped and cleaned
        Element failure = children(customerCases.get(1), "failure").get(0);
        assertThat(failure.getAttribute("message")).isEqualTo("1 row duplicating another in 'email'; allowed <= 0.");
        assertThat(failure.getAttribute("type")).isEqualTo("unique");
        assertThat(failure.getTextContent())
                .contains(
                        "observed: 1 failing row of 6",
                        "threshold: <= 0 failing rows",
                        "sample (1 row):",
                        "id=6, email=ada@example.com <\"&'>, segment=NULL, note=bell?here");

        // And the warning passes with a system-out text, the error is an <error>
        Element warning = customerCases.get(2);
        assertThat(children(warning, "failure")).isEmpty();
        assertThat(children(warning, "error")).isEmpty();
        assertThat(children(warning, "system-out").get(0).getTextContent())
                .startsWith("WARNING (severity warn, not failing the build): 1 row with 'loyalty_points'");
        Element error = children(orderCases.get(0), "error").get(0);
        assertThat(error.getAttribute("message")).contains("rejected the query");
        assertThat(error.getAttribute("type")).isEqualTo("not_null");
    }

    @Test
    void shouldWriteAnEmptyRootForAReportWithoutChecks() throws Exception {
        DataTestReport empty = new DataTestReport(
                "dev", List.of(), 0, 0, "", ReportFixtures.report().startedAt(), 0);

        Element root = parse(JunitXmlWriter.render(empty)).getDocumentElement();

        assertThat(root.getAttribute("tests")).isEqualTo("0");
        assertThat(children(root, "testsuite")).isEmpty();
    }
}
