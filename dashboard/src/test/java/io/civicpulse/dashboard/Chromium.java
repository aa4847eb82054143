package io.civicpulse.dashboard;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through its own chromedriver, for the end-to-end tests. Both binaries come from
 * the machine ({@code apt-get install chromium chromium-driver}, which .ci/run does), never from a download: the
 * paths are {@code CHROMIUM_BINARY} and {@code CHROMEDRIVER} when set, else Debian's. Naming the driver explicitly
 * also keeps Selenium Manager, which would try to download one, out of the way.
 */
final class Chromium implements AutoCloseable {

    static final Path SCREENSHOTS = Path.of("target", "e2e-screenshots");

    private final ChromeDriver driver;
    private final Path downloads;

    private Chromium(ChromeDriver driver, Path downloads) {
        this.driver = driver;
        this.downloads = downloads;
    }

    static Chromium start(Path downloads) {
        Path binary = Path.of(Objects.requireNonNullElse(System.getenv("CHROMIUM_BINARY"), "/usr/bin/chromium"));
        Path chromedriver = Path.of(Objects.requireNonNullElse(System.getenv("CHROMEDRIVER"), "/usr/bin/chromedriver"));
        for (Path executable : List.of(binary, chromedriver)) {
            if (!Files.isExecutable(executable)) {
                throw new IllegalStateException(executable + " is missing: install Debian's Chromium with "
                        + "'apt-get install -y chromium chromium-driver' (.ci/run does), or set CHROMIUM_BINARY and "
                        + "CHROMEDRIVER");
            }
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(binary.toFile());
        // This machine's network is closed: without the background-networking flags Chromium keeps trying to reach
        // Google's services at every start.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-quic", "--lang=en-US", "--window-size=1400,900");
        options.setExperimentalOption("prefs", Map.of(
                "download.default_directory", downloads.toAbsolutePath().toString(),
                "download.prompt_for_download", false,
                "intl.accept_languages", "en-US,en"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(chromedriver.toFile())
                .usingAnyFreePort()
                .build();
        return new Chromium(new ChromeDriver(service, options), downloads);
    }

    WebDriver driver() {
        return driver;
    }

    Path downloads() {
        return downloads;
    }

    void open(String url) {
        driver.get(url);
        awaitVaadin();
    }

    WebElement find(By by) {
        return waitUntil(d -> d.findElements(by).stream().filter(WebElement::isDisplayed).findFirst().orElse(null));
    }

    List<WebElement> all(By by) {
        return driver.findElements(by);
    }

    Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(script, arguments);
    }

    <T> T waitUntil(Function<WebDriver, T> condition) {
        return waitUntil(Duration.ofSeconds(20), condition);
    }

    <T> T waitUntil(Duration timeout, Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, timeout, Duration.ofMillis(50)).until(condition);
    }

    /** Until the page's Vaadin client has no request to the server in flight: the view shows its latest state. */
    void awaitVaadin() {
        waitUntil(d -> Boolean.TRUE.equals(script("""
                const clients = window.Vaadin && window.Vaadin.Flow && window.Vaadin.Flow.clients;
                return !!clients && Object.keys(clients).length > 0
                    && Object.values(clients).every(client => !client.isActive || !client.isActive());""")));
    }

    /** Clicks the first visible element whose own text is exactly {@code text}, as a person would. */
    void clickText(String css, String text) {
        WebElement element = waitUntil(d -> d.findElements(By.cssSelector(css)).stream()
                .filter(e -> e.isDisplayed() && text.equals(e.getText().trim()))
                .findFirst().orElse(null));
        script("arguments[0].scrollIntoView({block: 'center'});", element);
        element.click();
        awaitVaadin();
    }

    /** Chooses {@code item} in a vaadin-select: open it, then click the item. */
    void choose(By by, String item) {
        WebElement select = find(by);
        select.click();
        WebElement option = waitUntil(d -> select.findElements(By.cssSelector("vaadin-select-item")).stream()
                .filter(e -> e.isDisplayed() && item.equals(e.getText().trim()))
                .findFirst().orElse(null));
        option.click();
        awaitVaadin();
    }

    /** Types into a vaadin-combo-box, found by its label, and takes the first match, as a keyboard user would. */
    void pick(String label, String value) {
        WebElement input = find(By.xpath("//vaadin-combo-box[label[normalize-space()='" + label + "']]/input"));
        input.click();
        input.sendKeys(value);
        waitUntil(d -> Boolean.TRUE.equals(script(
                "return arguments[0].parentElement.hasAttribute('opened')", input)));
        input.sendKeys(org.openqa.selenium.Keys.ENTER);
        awaitVaadin();
    }

    void resize(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
    }

    /** Saves what the browser shows as {@code target/e2e-screenshots/<name>.png}, for a person to review. */
    Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path target = SCREENSHOTS.resolve(name + ".png");
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
