package io.modeltrust.alert.dashboard;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The system's headless Chromium driven by the system's chromedriver (Debian packages chromium and
 * chromium-driver; nothing is downloaded). Paths can be overridden with -Ddashboard.chromium= and
 * -Ddashboard.chromedriver=. Screenshots go to target/dashboard-screenshots, or to -Ddashboard.screenshots=DIR
 * (relative to alert-service/): docs/dashboard.md shows the ones written with -Ddashboard.screenshots=../docs/images/dashboard.
 */
public final class Browser implements AutoCloseable {

    public static final Path CHROMIUM = Path.of(System.getProperty("dashboard.chromium", "/usr/bin/chromium"));
    public static final Path CHROMEDRIVER = Path.of(System.getProperty("dashboard.chromedriver", "/usr/bin/chromedriver"));
    public static final Path SHOTS = Path.of(System.getProperty("dashboard.screenshots", "target/dashboard-screenshots"));
    private static final int WIDTH = 1400;
    private static final int HEIGHT = 1000;

    public final ChromeDriver driver;
    private final String base;
    private final Path profile;
    private final WebDriverWait wait;

    /** Why the browser tests cannot run here, or null when they can. */
    public static String missing() {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            return "browser tests skipped: " + CHROMIUM + " or " + CHROMEDRIVER + " is missing (Debian packages chromium and "
                    + "chromium-driver; deploy/local/test.sh installs them when it runs as root)";
        }
        return null;
    }

    /** {@code base}: the dashboard's URL, ending in '/'. */
    public Browser(String base) {
        this.base = base;
        try {
            profile = Files.createTempDirectory("dashboard-chromium");
            Files.createDirectories(SHOTS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--hide-scrollbars", "--user-data-dir=" + profile, "--window-size=" + WIDTH + "," + HEIGHT);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        wait = new WebDriverWait(driver, Duration.ofSeconds(60), Duration.ofMillis(20));
    }

    /** Opens a dashboard route (the part after '#') and waits until that page has rendered. */
    public void open(String route, String page) {
        String target = base + "#" + route;
        if (driver.getCurrentUrl().equals(target)) { // the same address again: no hashchange, so render it anew
            js("document.body.dataset.ready = 'navigating'; window.dispatchEvent(new HashChangeEvent('hashchange'))");
        } else {
            if (driver.getCurrentUrl().startsWith(base)) {
                js("document.body.dataset.ready = 'navigating'");
            }
            driver.get(target);
        }
        waitReady(page);
    }

    public void waitReady(String page) {
        wait.until(d -> {
            String ready = d.findElement(By.tagName("body")).getAttribute("data-ready");
            if ("error".equals(ready)) {
                throw new AssertionError("the page failed: " + d.findElement(By.id("main")).getText());
            }
            return page.equals(ready);
        });
    }

    public <T> T until(java.util.function.Function<ChromeDriver, T> condition) {
        return wait.until(d -> condition.apply(driver));
    }

    public WebElement find(String css) {
        return wait.until(d -> {
            List<WebElement> found = d.findElements(By.cssSelector(css));
            return found.isEmpty() ? null : found.get(0);
        });
    }

    public List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    public Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Errors the page recorded (uncaught exceptions, rejected promises). */
    @SuppressWarnings("unchecked")
    public List<String> pageErrors() {
        Object errors = js("return window.dashErrors || []");
        return (List<String>) errors;
    }

    /** A PNG of the whole page (the window grows to the page's height for the shot); returns its path. */
    public Path screenshot(String name) {
        long height = (Long) js("return Math.ceil(document.documentElement.scrollHeight)");
        driver.manage().window().setSize(new Dimension(WIDTH, (int) Math.min(Math.max(height, HEIGHT), 12_000)));
        js("return new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))");
        Path file = SHOTS.resolve(name + ".png");
        try {
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            driver.manage().window().setSize(new Dimension(WIDTH, HEIGHT));
        }
        return file;
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // a leftover temporary profile is harmless
            }
        }
    }
}
