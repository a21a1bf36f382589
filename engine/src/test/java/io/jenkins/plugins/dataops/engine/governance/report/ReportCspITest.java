package io.jenkins.plugins.dataops.engine.governance.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.jenkins.plugins.dataops.engine.governance.LedgerVerification;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The fragment framed the way the Jenkins plugin will frame it: stylesheet and script served as files, the page
 * sent with a strict Content-Security-Policy (as strict as Jenkins' default for user content, stricter than its
 * page default). The report must work with no CSP violation.
 */
class ReportCspITest {
    private static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'";
    private static final Path DIRECTORY = Path.of("target", "report-csp");

    private static HttpServer server;
    private static Browser browser;
    private static String base;

    @BeforeAll
    static void startServerAndBrowser() throws IOException {
        Files.createDirectories(DIRECTORY);
        StringWriter fragment = new StringWriter();
        new ReportRenderer()
                .writeFragment(
                        RecordSource.of(ReportFixtures.sample()),
                        ReportOptions.titled("Governance report")
                                .withVerification(new LedgerVerification(true, 13, 0, ""))
                                .withPromotionPath(ReportFixtures.PRODUCT, ReportFixtures.PROMOTION),
                        fragment);
        String report = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Framed report</title>"
                + "<link rel=\"stylesheet\" href=\"report.css\"><script src=\"report.js\" defer></script></head>"
                + "<body><div id=\"jenkins-page\">" + fragment + "</div></body></html>";
        String violating = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Violation</title></head><body>"
                + "<p style=\"color: red\">inline style</p><script>window.inlineRan = 1;</script></body></html>";
        Map<String, byte[]> pages = Map.of(
                "/report.html",
                utf8(report),
                "/violation.html",
                utf8(violating),
                "/report.css",
                read(ReportResources.STYLESHEET),
                "/report.js",
                read(ReportResources.SCRIPT));
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> serve(exchange, pages));
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
        browser = Browser.start(DIRECTORY);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void shouldWorkUnderAStrictContentSecurityPolicy() {
        browser.open(base + "/report.html");

        assertThat(browser.one(".dataops-report").getAttribute("class")).contains("dor-js");
        assertThat(browser.one(".dor-table thead th").getCssValue("position")).isEqualTo("sticky");
        new Select(browser.one("select[name=env]")).selectByValue("qat");
        assertThat(browser.visibleSequences()).containsExactly("4", "6", "10");
        browser.one("input[name=q]").sendKeys("customer.id UNIQUE");
        assertThat(browser.visibleSequences()).containsExactly("6");
        WebElement record = browser.one("tbody.dor-rec[data-seq='6']");
        record.findElement(By.cssSelector(".dor-toggle")).click();
        assertThat(record.findElement(By.cssSelector(".dor-detail")).isDisplayed())
                .isTrue();
        assertThat(browser.script("return typeof window.pwned")).isEqualTo("undefined");
        assertThat(browser.consoleMessages()).isEmpty();
    }

    @Test
    void shouldNoticeAViolationWhenAPageBreaksThePolicy() {
        browser.open(base + "/violation.html");

        assertThat(browser.script("return typeof window.inlineRan")).isEqualTo("undefined");
        assertThat(browser.consoleErrors())
                .isNotEmpty()
                .anyMatch(message -> message.contains("Content Security Policy"));
    }

    private static void serve(final HttpExchange exchange, final Map<String, byte[]> pages) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            byte[] body = pages.get(path);
            if (body == null) {
                exchange.sendResponseHeaders("/favicon.ico".equals(path) ? 204 : 404, -1);
                return;
            }
            String type = path.endsWith(".css") ? "text/css" : path.endsWith(".js") ? "text/javascript" : "text/html";
            exchange.getResponseHeaders().set("Content-Type", type + "; charset=utf-8");
            exchange.getResponseHeaders().set("Content-Security-Policy", POLICY);
            exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static byte[] read(final String resource) throws IOException {
        try (InputStream in = ReportResources.open(resource)) {
            return in.readAllBytes();
        }
    }

    private static byte[] utf8(final String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
