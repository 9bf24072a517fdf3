package org.tributary.it.console;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.pagefactory.ByChained;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.tributary.it.support.BrowserTest;
import org.tributary.it.support.ConsoleApi;
import org.tributary.it.support.Deployments;
import org.tributary.it.support.Endpoints;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An operator sees a live broadcast on the Sessions page (codecs, viewers) and on the dashboard, and ends it
 * with End: the encoder is disconnected and the path is gone.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LiveBroadcastsPageIT extends BrowserTest {

    static final String USER = "it-page-caster";
    static final String FOLDER = "it-live-page";
    static final By ROW = By.xpath("//table[@id='sessions:live']//tr[.//span[@class='broadcast-path' and contains(., '"
            + FOLDER + "/cam.sdp')]]");

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    @BeforeAll
    static void accountAndLogIn() throws Exception {
        ConsoleApi api = ConsoleApi.admin();
        assertEquals(201, api.postJson("/api/users", "{\"name\":\"" + USER + "\",\"password\":\"page-pw\"}").statusCode());
        assertEquals(201, api.postJson("/api/broadcasters", "{\"user\":\"" + USER + "\",\"paths\":[\"" + FOLDER + "\"]}")
                .statusCode());
        browser.logInAsAdmin();
    }

    @AfterAll
    static void removeAccount() throws Exception {
        ConsoleApi api = ConsoleApi.admin();
        api.delete("/api/broadcasters/" + USER);
        api.delete("/api/users/" + USER);
    }

    @Test
    void theBroadcastIsListedWithItsViewersAndEndEndsIt() throws Exception {
        Path sample = Path.of(System.getProperty("it.media.dir"), "sample.mp4");
        Process encoder = new ProcessBuilder(List.of("ffmpeg", "-hide_banner", "-nostdin", "-loglevel", "error", "-re",
                "-stream_loop", "-1", "-i", sample.toString(), "-c", "copy", "-f", "rtsp", "-rtsp_transport", "tcp",
                "rtsp://" + USER + ":page-pw@127.0.0.1:" + Endpoints.RTSP_PORT + "/" + FOLDER + "/cam.sdp"))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        Process viewer = null;
        try {
            browser.open("/sessions.xhtml");
            browser.await(Duration.ofSeconds(25), ExpectedConditions.presenceOfElementLocated(ROW));
            viewer = new ProcessBuilder(List.of("ffmpeg", "-hide_banner", "-nostdin", "-loglevel", "error",
                    "-rtsp_transport", "tcp", "-i", Endpoints.RTSP + FOLDER + "/cam.sdp", "-f", "null", "-"))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            // The page refreshes itself every 5 s: the viewer shows up without a reload.
            browser.await(Duration.ofSeconds(20), ExpectedConditions.textToBePresentInElementLocated(
                    new ByChained(ROW, By.className("broadcast-viewers")), "1"));
            String text = browser.textOf(ROW);
            assertTrue(text.contains("H264, MPEG4-GENERIC") && text.contains(USER) && text.contains("TCP recording"), text);
            browser.screenshot("live-broadcasts");

            browser.click(new ByChained(ROW, By.cssSelector("input[value='End']")));
            browser.await(ExpectedConditions.alertIsPresent()).accept();
            browser.await(ExpectedConditions.textToBePresentInElementLocated(By.id("page-messages"),
                    "Ended the broadcast of " + FOLDER + "/cam.sdp"));
            assertTrue(encoder.waitFor(20, TimeUnit.SECONDS), "the encoder was disconnected");
            assertTrue(viewer.waitFor(20, TimeUnit.SECONDS), "the viewer's stream ended");
            browser.open("/sessions.xhtml");
            assertTrue(browser.driver().findElements(ROW).isEmpty(), "the row is gone");
            browser.find(By.xpath("//*[contains(@class,'empty') and contains(., 'No live broadcasts.')]"));
            browser.open("/index.xhtml");
            assertEquals("0", browser.find(By.id("stat-broadcasts")).getText());
        } finally {
            encoder.destroyForcibly();
            if (viewer != null) {
                viewer.destroyForcibly();
            }
        }
    }
}
