package org.tributary.it.console;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.tributary.it.support.BrowserTest;
import org.tributary.it.support.ConsoleApi;
import org.tributary.it.support.Deployments;
import org.tributary.it.support.Endpoints;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The read-only pages in a browser: the dashboard updating itself from the API while a client plays,
 * the media library (URLs to copy, files that cannot be streamed and why), and the error log tail.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DashboardPageIT extends BrowserTest {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    @BeforeAll
    static void logIn() {
        browser.logInAsAdmin();
    }

    static int number(String id) {
        String text = browser.textOf(By.id(id)).trim();
        return text.matches("\\d+") ? Integer.parseInt(text) : -1;
    }

    @Test
    void theDashboardFollowsAPlayingClientWithoutAReload() throws Exception {
        browser.open("/index.xhtml");
        assertEquals(Endpoints.RTSP, browser.textOf(By.id("rtsp-url")), "the Server card");
        String firstUpdate = browser.await(d -> d.findElement(By.id("dashboard")).getAttribute("data-updated"));
        Process ffmpeg = new ProcessBuilder(List.of("ffmpeg", "-hide_banner", "-nostdin", "-loglevel", "error",
                "-rtsp_transport", "tcp", "-i", Endpoints.RTSP + "long.mp4", "-f", "null", "-"))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            // The statistics are sampled every 5 s and the page polls every 5 s: within ~12 s it shows the client.
            browser.await(Duration.ofSeconds(25), d -> number("stat-sessions") >= 1
                    && d.findElement(By.id("top-files")).getText().contains("long.mp4")
                    && !d.findElement(By.id("stat-bandwidth")).getText().startsWith("0 "));
            // The page's script rewrites these every 5 s: each is read afresh (textOf), never through an old reference.
            assertFalse(firstUpdate.equals(browser.await(d -> d.findElement(By.id("dashboard")).getAttribute("data-updated"))),
                    "updated by polling");
            String transports = browser.textOf(By.id("transports"));
            assertTrue(transports.contains("tcp"), transports);
            assertTrue(browser.await(d -> number("stat-connections")) >= 1);
            assertTrue(browser.textOf(By.id("stat-cpu")).endsWith("%"));
            // Each chart has its line once samples exist.
            for (String chart : new String[] {"chart-sessions", "chart-bandwidth", "chart-packets", "chart-cpu"}) {
                int lines = browser.await(d -> d.findElements(By.cssSelector("#" + chart + " polyline")).size());
                assertEquals(1, lines, chart);
            }
            browser.screenshot("dashboard");
        } finally {
            ffmpeg.destroyForcibly();
        }
    }

    @Test
    void theMediaLibraryShowsFilesTracksUrlsAndWhyAFileCannotBeStreamed() throws Exception {
        Path broken = Path.of(System.getProperty("it.media.dir"), "console-broken.mp4");
        Files.write(broken, "this is not a movie".repeat(50).getBytes());
        try {
            By brokenRow = By.cssSelector("tr.media-file[data-path='console-broken.mp4']");
            browser.await(Duration.ofSeconds(20), d -> {
                browser.open("/media.xhtml");
                return browser.present(brokenRow);
            });
            assertTrue(browser.find(brokenRow).findElement(By.className("problem")).getText().startsWith("cannot be streamed: "));
            assertFalse(browser.find(brokenRow).getText().contains("rtsp://"), "no URL for a file that cannot be played");

            WebElement sample = browser.find(By.cssSelector("tr.media-file[data-path='sample.mp4']"));
            String text = sample.getText();
            assertTrue(text.contains("0:10") && text.contains("video H264") && text.contains("audio AAC"), text);
            assertEquals("rtsp://127.0.0.1:" + Endpoints.RTSP_PORT + "/sample.mp4",
                    sample.findElement(By.className("rtsp-url")).getText());
            assertTrue(browser.find(By.cssSelector("tr.media-file[data-path='sample-hinted.mp4']")).getText().contains("hinted"));
            WebElement copy = sample.findElement(By.cssSelector("button.copy"));
            copy.click();
            browser.await(ExpectedConditions.textToBePresentInElement(copy, "Copied"));
            browser.screenshot("media");

            browser.open("/media.xhtml?q=hevc");
            assertEquals(1, browser.driver().findElements(By.cssSelector("tr.media-file")).size());
        } finally {
            Files.deleteIfExists(broken);
        }
    }

    @Test
    void theErrorLogTailFiltersByLevel() throws Exception {
        // A refused console login leaves a WARN line naming the account.
        assertEquals(401, new ConsoleApi("it-no-such-account", "wrong").get("/api/me").statusCode());
        By line = By.xpath("//table[@id='errorlog']//tr[contains(., \"console login refused for user 'it-no-such-account'\")]");
        browser.await(Duration.ofSeconds(15), d -> {
            browser.open("/errorlog.xhtml?level=WARN&lines=500");
            return browser.present(line);
        });
        assertTrue(browser.find(line).findElement(By.className("level")).getText().startsWith("WARN"));
        browser.open("/errorlog.xhtml?level=ERROR&lines=500");
        assertFalse(browser.present(line), "a WARN line is not shown at level ERROR");
        browser.open("/errorlog.xhtml?level=LOUD&lines=0");
        String form = browser.find(By.id("errorlog-filter")).getText();
        assertTrue(form.contains("A number from 1 to") && form.contains("One of ERROR, WARN"), form);
    }


    @Test
    void everyPageFitsATabletScreenWithoutSidewaysScrolling() {
        browser.driver().manage().window().setSize(new org.openqa.selenium.Dimension(768, 1024));
        try {
            for (String page : new String[] {"/index.xhtml", "/sessions.xhtml", "/media.xhtml", "/users.xhtml",
                    "/rules.xhtml", "/logs.xhtml", "/errorlog.xhtml", "/darwin.xhtml", "/admin/settings.xhtml",
                    "/admin/rule.xhtml"}) {
                browser.open(page);
                Object overflow = browser.script("return document.documentElement.scrollWidth - window.innerWidth;");
                assertTrue(((Number) overflow).intValue() <= 0, page + " is wider than the screen by " + overflow + " px");
            }
        } finally {
            browser.driver().manage().window().setSize(new org.openqa.selenium.Dimension(1366, 900));
        }
    }
}
