package org.tributary.it.support;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
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
        driver.findElement(By.id("login:submit")).click();
        return this;
    }

    /** Logs in and waits for the navigation bar to show the account. */
    public Browser logIn(String user, String password) {
        submitLogin(user, password);
        wait.until(ExpectedConditions.textToBe(By.id("current-user"), user));
        return this;
    }

    /** Logs out (the bar's button) and waits for the login form. */
    public Browser logOut() {
        driver.findElement(By.id("account:logout")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("login:user")));
        return this;
    }

    public void type(By field, String text) {
        WebElement input = driver.findElement(field);
        input.clear();
        input.sendKeys(text);
    }

    public WebElement find(By by) {
        return driver.findElement(by);
    }

    public boolean present(By by) {
        return !driver.findElements(by).isEmpty();
    }

    public <T> T await(Function<WebDriver, T> condition) {
        return wait.until(condition);
    }

    public <T> T await(Duration timeout, Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, timeout, Duration.ofMillis(200)).until(condition);
    }

    /** Clicks and waits for the page to be replaced (a non-Ajax form submit or link). */
    public void clickAndWaitForPage(By by) {
        WebElement element = driver.findElement(by);
        element.click();
        wait.until(ExpectedConditions.stalenessOf(element));
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
