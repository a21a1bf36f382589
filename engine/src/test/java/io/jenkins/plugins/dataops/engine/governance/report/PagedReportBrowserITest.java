package io.jenkins.plugins.dataops.engine.governance.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The report as the Jenkins plugin serves it, with the endpoint emulated by the same engine code: the fragment
 * names a records endpoint, the script asks it for pages (server-side filters and paging), opens evidence the
 * page carried, and shows the server's chain verification; all under a strict Content-Security-Policy.
 */
class PagedReportBrowserITest {
    private static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'";
    private static final Path DIRECTORY = Path.of("target", "report-paged");
    private static final IndexFixtures JOBS = new IndexFixtures();

    private static HttpServer server;
    private static Browser browser;
    private static String base;

    @BeforeAll
    static void startServerAndBrowser() throws IOException {
        Files.createDirectories(DIRECTORY);
        for (int minute = 0; minute < 250; minute++) {
            JOBS.add(List.of("team/a", "b", "c").get(minute % 3), minute, minute % 5 == 0 ? "prod" : "dev", "success");
        }
        RecordIndex index = JOBS.index();
        RecordPageJson pages = new RecordPageJson(new JobVerifications());
        StringWriter fragment = new StringWriter();
        new ReportRenderer()
                .writeFragment(
                        index.summarySource(job -> true),
                        ReportOptions.titled("All jobs").withRecordsUrl("records"),
                        fragment);
        String page = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Paged report</title>"
                + "<link rel=\"stylesheet\" href=\"report.css\"><script src=\"report.js\" defer></script></head>"
                + "<body>" + fragment + "</body></html>";
        Map<String, byte[]> files = Map.of(
                "/page.html",
                utf8(page),
                "/report.css",
                read(ReportResources.STYLESHEET),
                "/report.js",
                read(ReportResources.SCRIPT));
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> serve(exchange, files, index, pages));
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

    private static WebDriverWait waiting() {
        return new WebDriverWait(browser.driver(), Duration.ofSeconds(20));
    }

    private static String position() {
        return browser.one(".dor-page-pos").getText();
    }

    @Test
    void shouldPageFilterAndOpenEvidenceThroughTheEndpointUnderAStrictPolicy() {
        browser.open(base + "/page.html");

        waiting().until(driver -> position().startsWith("Records 151\u2013250 of 250"));
        assertThat(browser.all("tbody.dor-rec")).hasSize(100);
        assertThat(browser.one(".dor-integrity").getText()).contains("Chain verified for the 3 job(s) on this page");
        browser.one(".dor-page-prev").click();
        waiting().until(driver -> position().startsWith("Records 51\u2013150 of 250"));

        new Select(browser.one("select[name=env]")).selectByValue("prod");
        waiting()
                .until(driver ->
                        position().isEmpty() && browser.all("tbody.dor-rec").size() == 50);
        assertThat(browser.one(".dor-count").getText()).isEqualTo("50 records");
        browser.fill("q", "team/a");
        waiting().until(driver -> browser.all("tbody.dor-rec").size() == 17);
        WebElement newest = browser.all("tbody.dor-rec").get(16);
        newest.findElement(By.cssSelector(".dor-toggle")).click();

        assertThat(newest.findElement(By.cssSelector(".dor-detail")).getText()).contains("evidence of team/a #");
        assertThat(browser.consoleMessages()).isEmpty();
    }

    @Test
    void shouldSayWhatIsWrongWhenTheServerRefusesTheQuery() {
        browser.open(base + "/page.html");
        waiting().until(driver -> !position().isEmpty());

        browser.script("document.querySelector('input[name=from]').type = 'text';"); // a browser without date inputs
        browser.fill("from", "not-a-date");

        waiting().until(driver -> browser.one(".dor-empty").isDisplayed());
        assertThat(browser.one(".dor-empty").getText())
                .startsWith("Parameter 'from' is 'not-a-date'; give a date like '2024-05-01'");
    }

    private static void serve(
            final HttpExchange exchange,
            final Map<String, byte[]> files,
            final RecordIndex index,
            final RecordPageJson pages)
            throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if ("/records".equals(path)) {
                StringWriter json = new StringWriter();
                int status = 200;
                try {
                    pages.write(index.page(RecordQuery.parse(parameters(exchange)), job -> true), JOBS, json);
                } catch (IllegalArgumentException e) {
                    status = 400;
                    RecordPageJson.writeError(e.getMessage(), json);
                }
                send(exchange, status, "application/json", utf8(json.toString()));
                return;
            }
            byte[] body = files.get(path);
            if (body == null) {
                exchange.sendResponseHeaders("/favicon.ico".equals(path) ? 204 : 404, -1);
                return;
            }
            send(
                    exchange,
                    200,
                    path.endsWith(".css") ? "text/css" : path.endsWith(".js") ? "text/javascript" : "text/html",
                    body);
        }
    }

    private static Map<String, String> parameters(final HttpExchange exchange) {
        Map<String, String> parameters = new LinkedHashMap<>();
        String query = exchange.getRequestURI().getRawQuery();
        if (query != null) {
            for (String pair : query.split("&")) {
                int equals = pair.indexOf('=');
                parameters.put(
                        URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8),
                        equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return parameters;
    }

    private static void send(final HttpExchange exchange, final int status, final String type, final byte[] body)
            throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type + "; charset=utf-8");
        exchange.getResponseHeaders().set("Content-Security-Policy", POLICY);
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
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
