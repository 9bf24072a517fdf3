package org.tributary.it.console;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.tributary.it.support.BrowserTest;
import org.tributary.it.support.Deployments;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Media page's Play button plays the file in Debian's Chromium (hls.js over Media Source Extensions,
 * served from the WAR): the video advances, nearly every frame is decoded, a seek plays from where it went;
 * the page shows the HLS and RTSP links and an embed snippet. A bad token gets the player's refusal text.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ConsolePlayerIT extends BrowserTest {

    /** sample.mp4: 10 s of 25 frames a second. */
    private static final double FPS = 25;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    @BeforeAll
    static void logIn() {
        browser.logInAsAdmin();
    }

    @AfterEach
    void backToThePage() {
        browser.driver().switchTo().defaultContent();
    }

    private double number(String expression) {
        Object value = browser.script("return " + expression + ";");
        return value == null ? -1 : ((Number) value).doubleValue();
    }

    @Test
    void thePlayButtonPlaysTheFileInThePageAndSeekingPlaysFromThere() {
        browser.open("/media.xhtml");
        browser.await(d -> browser.present(By.cssSelector("tr.media-file[data-path='sample.mp4'] a.play")));
        browser.clickAndWaitForPage(By.cssSelector("tr.media-file[data-path='sample.mp4'] a.play"));
        browser.await(d -> browser.present(By.id("player-frame")));
        String hls = browser.textOf(By.id("player-hls"));
        assertTrue(hls.matches("https?://[^/]+/tributary/hls/sample\\.mp4/index\\.m3u8\\?token=.+"), hls);
        assertTrue(browser.textOf(By.id("player-rtsp")).matches("rtsp://[^/]+/sample\\.mp4"), browser.textOf(By.id("player-rtsp")));
        String embed = browser.textOf(By.id("player-embed"));
        assertTrue(embed.startsWith("<iframe src=\"") && embed.contains("/tributary/player.html?path=sample.mp4&amp;token="), embed);

        browser.driver().switchTo().frame("player-frame");
        browser.await(Duration.ofSeconds(30), d -> number("document.getElementById('player-video').currentTime") >= 4);
        double played = number("document.getElementById('player-video').currentTime");
        double frames = number("document.getElementById('player-video').getVideoPlaybackQuality().totalVideoFrames");
        assertTrue(frames >= 0.9 * FPS * played, frames + " frames decoded after " + played + " s played");
        assertEquals("", String.valueOf(browser.script("return document.body.getAttribute('data-player-error') || '';")));

        browser.script("document.getElementById('player-video').currentTime = 7;");
        browser.await(Duration.ofSeconds(20), d -> number("document.getElementById('player-video').currentTime") >= 8);
        double after = number("document.getElementById('player-video').currentTime");
        assertTrue(after >= 8 && after <= 10.5, "played on from the seek to 7 s: " + after);

        // the viewing is a session on the Sessions page, which cannot be disconnected (it ends by itself)
        browser.driver().switchTo().defaultContent();
        browser.open("/sessions.xhtml");
        By row = By.xpath("//table[@id='sessions:table']//tr[.//span[@class='session-file' and .='sample.mp4']"
                + " and contains(., 'HLS')]");
        browser.await(Duration.ofSeconds(15), d -> browser.present(row));
        assertTrue(browser.find(row).findElements(By.cssSelector("input[value='Disconnect']")).isEmpty(),
                "no Disconnect for an HLS viewing");
    }

    @Test
    void aBadTokenGetsThePlayersRefusal() {
        browser.open("/player.html?path=sample.mp4&token=not-a-token");
        String error = browser.await(Duration.ofSeconds(20), d -> {
            Object text = browser.script("return document.body.getAttribute('data-player-error');");
            return text == null ? null : text.toString();
        });
        assertTrue(error.contains("HTTP 403"), error);
        assertTrue(browser.find(By.id("player-message")).isDisplayed(), "the message is shown");
    }
}
