package app.booksflow.server.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium, driven by its chromedriver, on the server's admin status page. The
 * packages are {@code chromium} and {@code chromium-driver}; {@code .ci/run} installs them.
 */
public final class StatusPageBrowser implements AutoCloseable {

    private static final Path CHROMIUM = Path.of(System.getProperty("booksflow.chromium", "/usr/bin/chromium"));
    private static final Path DRIVER = Path.of(System.getProperty("booksflow.chromedriver", "/usr/bin/chromedriver"));

    private final WebDriver driver;
    private final String baseUrl;

    private StatusPageBrowser(WebDriver driver, String baseUrl) {
        this.driver = driver;
        this.baseUrl = baseUrl;
    }

    /** Empty when this computer lacks Chromium or its driver. */
    public static Optional<String> missing() {
        if (!Files.isExecutable(CHROMIUM)) {
            return Optional.of("no Chromium at " + CHROMIUM + " (Debian package chromium)");
        }
        if (!Files.isExecutable(DRIVER)) {
            return Optional.of("no chromedriver at " + DRIVER + " (Debian package chromium-driver)");
        }
        return Optional.empty();
    }

    public static StatusPageBrowser open(String baseUrl) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1280,1100", "--hide-scrollbars");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.get(baseUrl + "/admin/status");
        return new StatusPageBrowser(driver, baseUrl);
    }

    public void signIn(String email, String password) {
        driver.findElement(By.id("email")).clear();
        driver.findElement(By.id("email")).sendKeys(email);
        driver.findElement(By.id("password")).clear();
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.cssSelector("#sign-in button[type=submit]")).click();
    }

    /** Waits until the page has drawn the figures {@code count} times since it was opened. */
    public void awaitUpdates(int count, Duration timeout) {
        new WebDriverWait(driver, timeout).until(d -> updates() >= count);
    }

    public int updates() {
        Object value = script("return document.body.dataset.updates || '0';");
        return Integer.parseInt(value.toString());
    }

    public String text(String id) {
        return driver.findElement(By.id(id)).getText();
    }

    public boolean visible(String id) {
        return driver.findElement(By.id(id)).isDisplayed();
    }

    /** Waits until the element shows some text, and returns it. */
    public String awaitText(String id, Duration timeout) {
        return new WebDriverWait(driver, timeout).until(d -> {
            String text = d.findElement(By.id(id)).getText();
            return text.isBlank() ? null : text;
        });
    }

    /** How many pixels of the canvas are close to the colour (r, g, b). */
    public long pixelsOf(String canvasId, int r, int g, int b) {
        Object count = script("""
                const c = document.getElementById(arguments[0]);
                const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
                let n = 0;
                for (let i = 0; i < d.length; i += 4) {
                  if (Math.abs(d[i] - arguments[1]) < 40 && Math.abs(d[i + 1] - arguments[2]) < 40
                      && Math.abs(d[i + 2] - arguments[3]) < 40 && d[i + 3] > 0) n++;
                }
                return n;""", canvasId, r, g, b);
        return ((Number) count).longValue();
    }

    public void screenshot(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public String baseUrl() {
        return baseUrl;
    }

    private Object script(String code, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(code, args);
    }

    @Override
    public void close() {
        driver.quit();
    }
}
