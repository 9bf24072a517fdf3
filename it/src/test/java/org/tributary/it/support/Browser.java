package org.tributary.it.support;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.function.Function;

/**
 * A headless Debian chromium driven through Debian's chromedriver (both paths explicit, so Selenium
 * Manager never downloads anything), logged in to the console through its login form. One per test
 * class; {@link #close()} ends the browser.
 */
public final class Browser implements AutoCloseable {

    public static final String CHROMIUM = System.getProperty("it.chromium", "/usr/bin/chromium");
    public static final String DRIVER = System.getProperty("webdriver.chrome.driver", "/usr/bin/chromedriver");

    private final ChromeDriver driver;
    private final WebDriverWait wait;

    public Browser() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        // A laptop-sized window; --no-sandbox because the tests may run as root.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1366,900", "--lang=en-US", "--disable-extensions", "--no-first-run");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(DRIVER)).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        wait = new WebDriverWait(driver, Duration.ofSeconds(15), Duration.ofMillis(100));
    }

    public WebDriver driver() {
        return driver;
    }

    /** Runs a script in the page. */
    public Object script(String javascript) {
        return driver.executeScript(javascript);
    }

    /** Opens a console page ("/sessions.xhtml"). */
    public Browser open(String page) {
        driver.get(Endpoints.HTTP + page);
        return this;
    }

    /** Fills the login form and submits it (the browser then is wherever the console sends it). */
    public Browser submitLogin(String user, String password) {
        open("/login.xhtml");
        type(By.id("login:user"), user);
        type(By.id("login:password"), password);
        clickAndWaitForPage(By.id("login:submit"));
        return this;
    }

    /** Logs in and waits for the navigation bar to show the account. */
    public Browser logIn(String user, String password) {
        submitLogin(user, password);
        wait.until(ExpectedConditions.textToBe(By.id("current-user"), user));
        return this;
    }

    /** Logs in as the console's admin (the IT server's first account). */
    public Browser logInAsAdmin() {
        return logIn(ConsoleApi.ADMIN, ConsoleApi.ADMIN_PASSWORD);
    }

    /** Logs out (the bar's button) and waits for the login form. */
    public Browser logOut() {
        driver.findElement(By.id("account:logout")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("login:user")));
        return this;
    }

    /** Replaces a field's text; the field is found again if it was replaced while typing (clear makes it safe to repeat). */
    public void type(By field, String text) {
        await(d -> {
            WebElement input = d.findElement(field);
            input.clear();
            input.sendKeys(text);
            return true;
        });
    }

    /** Clicks an element that a Faces Ajax update or a page script may replace at any time (found anew until the click lands). */
    public void click(By by) {
        await(d -> {
            d.findElement(by).click();
            return true;
        });
    }

    /** The text of an element that a Faces Ajax update or a page script may replace at any time. */
    public String textOf(By by) {
        return await(d -> d.findElement(by).getText());
    }

    public WebElement find(By by) {
        return driver.findElement(by);
    }

    public boolean present(By by) {
        return !driver.findElements(by).isEmpty();
    }

    /** Waits for a condition; one that met a replaced element is asked again (see {@link #replaced}). */
    public <T> T await(Function<WebDriver, T> condition) {
        return wait.until(retryingReplaced(condition));
    }

    public <T> T await(Duration timeout, Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, timeout, Duration.ofMillis(200)).until(retryingReplaced(condition));
    }

    /**
     * Clicks and waits until a new document has replaced the page and is loaded (a non-Ajax form submit
     * or link). The old page carries a mark the new one lacks; looking at the old element instead (is it
     * stale yet?) may hit the document half-replaced, which Chrome answers with an error.
     */
    public void clickAndWaitForPage(By by) {
        driver.executeScript("window.tributaryOldPage = true");
        click(by);
        await(d -> Boolean.TRUE.equals(((ChromeDriver) d).executeScript(
                "return window.tributaryOldPage === undefined && document.readyState === 'complete'")));
    }

    /** Treats a condition that met a replaced element (or a document being replaced) as "not yet". */
    private static <T> Function<WebDriver, T> retryingReplaced(Function<WebDriver, T> condition) {
        return d -> {
            try {
                return condition.apply(d);
            } catch (WebDriverException e) {
                if (replaced(e)) {
                    return null;
                }
                throw e;
            }
        };
    }

    /**
     * Whether an error only says that an element was replaced: a stale reference after a Faces Ajax update
     * or a script, or Chrome's "Node with given id does not belong to the document" while a new document
     * takes the old one's place.
     */
    static boolean replaced(WebDriverException e) {
        return e instanceof StaleElementReferenceException
                || (e.getMessage() != null && (e.getMessage().contains("does not belong to the document")
                || e.getMessage().contains("Execution context was destroyed")));
    }

    /** A PNG of the window into it.screenshots.dir/NAME.png (it/target/screenshots; docs/CONSOLE.md: refreshing the docs'). */
    public Path screenshot(String name) {
        Path dir = Path.of(System.getProperty("it.screenshots.dir", "target/screenshots"));
        try {
            Files.createDirectories(dir);
            driver.executeScript("window.scrollTo(0, 0)");
            File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            Path target = dir.resolve(name + ".png");
            Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The session cookie of the logged-in browser, for requests made beside it. */
    public String sessionCookie() {
        return "JSESSIONID=" + driver.manage().getCookieNamed("JSESSIONID").getValue();
    }

    @Override
    public void close() {
        driver.quit();
    }
}
