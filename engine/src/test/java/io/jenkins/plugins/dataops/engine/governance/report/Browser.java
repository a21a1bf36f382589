package io.jenkins.plugins.dataops.engine.governance.report;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Level;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * A headless Debian Chromium driven by the Debian chromedriver, one per test class. The driver path is set
 * explicitly so that Selenium Manager never runs (no download). When the browser cannot start, the test fails
 * with a message saying what to install; it never skips.
 */
public final class Browser implements AutoCloseable {
    private static final String DRIVER = System.getProperty("dataops.chromedriver", "/usr/bin/chromedriver");
    private static final String BINARY = System.getProperty("dataops.chromium", "/usr/bin/chromium");

    private final ChromeDriver driver;

    private Browser(final ChromeDriver driver) {
        this.driver = driver;
    }

    /**
     * Starts a browser.
     *
     * @param workDirectory where the driver log and the profile go
     * @return the browser
     * @throws IOException when the log cannot be written
     */
    public static Browser start(final Path workDirectory) throws IOException {
        File driverFile = new File(DRIVER);
        if (!driverFile.canExecute() || !new File(BINARY).canExecute()) {
            throw new IllegalStateException(("Browser tests need '%s' and '%s'; install the Debian packages with "
                            + "'apt-get install chromium chromium-driver'.")
                    .formatted(DRIVER, BINARY));
        }
        System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, DRIVER);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(driverFile)
                .usingAnyFreePort()
                .withLogOutput(Files.newOutputStream(workDirectory.resolve("chromedriver.log")))
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BINARY);
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--hide-scrollbars",
                "--force-device-scale-factor=1",
                "--user-data-dir=" + Files.createTempDirectory(workDirectory, "chromium-profile"));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        Browser browser = new Browser(new ChromeDriver(service, options));
        browser.driver.manage().window().setSize(new Dimension(1360, 900));
        return browser;
    }

    public ChromeDriver driver() {
        return driver;
    }

    public void open(final String url) {
        consoleMessages(); // reading clears: start each page with an empty log
        driver.get(url);
    }

    /** Returns (and clears) the console messages of level SEVERE: script errors, CSP violations, failed loads. */
    public List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .toList();
    }

    /** Returns (and clears) every console message. */
    public List<String> consoleMessages() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .map(LogEntry::getMessage)
                .toList();
    }

    public Object script(final String script, final Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(script, arguments);
    }

    public List<WebElement> all(final String css) {
        return driver.findElements(By.cssSelector(css));
    }

    public WebElement one(final String css) {
        return driver.findElement(By.cssSelector(css));
    }

    public List<String> visibleSequences() {
        return all("tbody.dor-rec").stream()
                .filter(WebElement::isDisplayed)
                .map(row -> row.getAttribute("data-seq"))
                .toList();
    }

    /** Sets a form field's value as a user would and fires the events the page listens to. */
    public void fill(final String name, final String value) {
        script(
                "var f = document.querySelector('.dor-filters').elements.namedItem(arguments[0]);"
                        + "f.value = arguments[1]; f.dispatchEvent(new Event('input', {bubbles: true}));"
                        + "f.dispatchEvent(new Event('change', {bubbles: true}));",
                name,
                value);
    }

    public void screenshot(final Path file, final int height) throws IOException {
        driver.manage().window().setSize(new Dimension(1360, height));
        Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
        driver.manage().window().setSize(new Dimension(1360, 900));
    }

    @Override
    public void close() {
        driver.quit();
    }
}
