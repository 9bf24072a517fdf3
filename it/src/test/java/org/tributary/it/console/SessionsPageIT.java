package org.tributary.it.console;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.pagefactory.ByChained;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.tributary.it.support.BrowserTest;
import org.tributary.it.support.Deployments;
import org.tributary.it.support.Endpoints;
import org.tributary.it.support.Tools;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An operator's day on the Sessions and Logs pages: a playing ffmpeg appears, Disconnect ends its
 * stream (ffmpeg stops long before the 30 s clip would end), and the Logs page shows that session's line.
 * An internet-radio listener (mpg123 over HTTP) is listed and disconnected the same way.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SessionsPageIT extends BrowserTest {

    static final String AGENT = "SessionsPageIT-ffmpeg";
    static final By DISCONNECT = By.cssSelector("input[value='Disconnect']");
    static final By ROW = By.xpath("//table[@id='sessions:table']//tr[.//span[@class='player' and contains(., '" + AGENT + "')]]");

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    @BeforeAll
    static void logIn() {
        browser.logInAsAdmin();
    }

    /** ffmpeg playing long.mp4 (30 s) over TCP; its reads time out 4 s after the server stops sending. */
    static Process play() throws Exception {
        return new ProcessBuilder(List.of("ffmpeg", "-hide_banner", "-nostdin", "-loglevel", "error",
                "-rtsp_transport", "tcp", "-timeout", "4000000", "-user_agent", AGENT,
                "-i", Endpoints.RTSP + "long.mp4", "-f", "null", "-"))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }

    @Test
    void aPlayingClientAppearsAndDisconnectEndsItsStreamAndTheLogShowsIt() throws Exception {
        Process ffmpeg = play();
        long started = System.nanoTime();
        try {
            browser.open("/sessions.xhtml");
            // The page refreshes itself every 5 s: the session shows up without a reload.
            // The table is replaced on each refresh: wait for the row, then read it afresh.
            browser.await(Duration.ofSeconds(20), ExpectedConditions.presenceOfElementLocated(ROW));
            String text = browser.textOf(ROW);
            assertTrue(text.contains("127.0.0.1") && text.contains("long.mp4") && text.contains("tcp"), text);
            browser.await(ExpectedConditions.textToBePresentInElementLocated(ROW, "PLAYING"));
            browser.screenshot("sessions");

            // Filtering keeps only matching rows.
            browser.type(By.id("sessions:filter"), "no-such-client-anywhere");
            browser.await(ExpectedConditions.invisibilityOfElementLocated(ROW));
            browser.type(By.id("sessions:filter"), "long.mp4");
            browser.await(ExpectedConditions.presenceOfElementLocated(ROW));

            browser.click(new ByChained(ROW, DISCONNECT));
            browser.await(ExpectedConditions.alertIsPresent()).accept();
            browser.await(ExpectedConditions.textToBePresentInElementLocated(By.id("page-messages"), "Disconnected 127.0.0.1"));
            assertTrue(browser.driver().findElements(ROW).isEmpty(), "the row is gone");

            assertTrue(ffmpeg.waitFor(15, TimeUnit.SECONDS), "ffmpeg still running after its session was ended");
            long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
            assertTrue(seconds < 25, "ffmpeg played on to the clip's end (" + seconds + " s)");
        } finally {
            ffmpeg.destroyForcibly();
        }

        // The session's line in the access history (written a moment after the session ended).
        By line = By.xpath("//table[@id='history']//tr[.//span[@class='player' and contains(., '" + AGENT + "')]"
                + " and .//span[@class='end-reason' and contains(., 'administrator')]]");
        WebElement logged = browser.await(Duration.ofSeconds(20), driver -> {
            browser.open("/logs.xhtml?path=long.mp4&client=127.0.0.1");
            return driver.findElements(line).stream().findFirst().orElse(null);
        });
        String text = logged.getText();
        assertTrue(text.contains("long.mp4") && text.contains("127.0.0.1") && text.toLowerCase().contains("tcp"), text);
        assertEquals("ended by an administrator", logged.findElement(By.className("end-reason")).getText(), text);
        browser.screenshot("logs");

        // The CSV link carries the same filter; a bad filter is explained next to its field.
        String csv = browser.find(By.id("csv")).getAttribute("href");
        assertTrue(csv.endsWith("/api/logs/sessions.csv?path=long.mp4&client=127.0.0.1"), csv);
        java.net.http.HttpResponse<String> download = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(csv)).header("Cookie", browser.sessionCookie()).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(200, download.statusCode());
        assertTrue(download.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        assertTrue(download.body().lines().anyMatch(l -> l.contains(AGENT) && l.contains("ended by an administrator")), download.body());
        browser.open("/logs.xhtml?from=yesterday");
        assertTrue(browser.find(By.id("filter")).getText().contains("A date like 2025-01-31"));
        assertEquals("0 entries, newest first", browser.find(By.id("history-count")).getText());
    }

    @Test
    void anMp3ListenerOverHttpIsListedAndDisconnectEndsIt() throws Exception {
        Path file = Path.of(System.getProperty("it.media.dir")).resolve("it-console-radio/long.mp3");
        if (!Files.exists(file)) {
            // 60 s of the 10 s sample: the listener would need about a minute without the Disconnect.
            Files.createDirectories(file.getParent());
            Tools.Result made = Tools.run(60, "ffmpeg", "-nostdin", "-loglevel", "error", "-y", "-stream_loop", "5",
                    "-i", file.getParent().resolveSibling("sample.mp3").toString(), "-c", "copy", file.toString());
            assertEquals(0, made.exitCode(), made.stderr());
        }
        By row = By.xpath("//table[@id='sessions:table']//tr[.//span[@class='player' and contains(., 'mpg123')]"
                + " and contains(., 'it-console-radio/long.mp3')]");
        // mpg123 decodes without playing (-t): it reads as fast as the server sends, which is paced.
        Process mpg123 = new ProcessBuilder("mpg123", "-q", "-t",
                "http://127.0.0.1:" + Endpoints.RTSP_PORT + "/it-console-radio/long.mp3")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        long started = System.nanoTime();
        try {
            browser.open("/sessions.xhtml");
            browser.await(Duration.ofSeconds(20), ExpectedConditions.presenceOfElementLocated(row));
            String text = browser.textOf(row);
            assertTrue(text.contains("127.0.0.1") && text.contains("HTTP"), text);
            assertTrue(mpg123.isAlive(), "mpg123 still listening while listed");

            browser.click(new ByChained(row, DISCONNECT));
            browser.await(ExpectedConditions.alertIsPresent()).accept();
            browser.await(ExpectedConditions.textToBePresentInElementLocated(By.id("page-messages"), "Disconnected 127.0.0.1"));
            assertTrue(mpg123.waitFor(15, TimeUnit.SECONDS), "mpg123 still running after its stream was ended");
            long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
            assertTrue(seconds < 45, "mpg123 listened on to the end of the 60 s file (" + seconds + " s)");
        } finally {
            mpg123.destroyForcibly();
        }
    }
}
