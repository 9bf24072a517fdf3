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
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.tributary.it.support.BrowserTest;
import org.tributary.it.support.Deployments;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An admin on the Local broadcasters page: the test server's broadcasters (it-broadcasters.conf) are listed
 * with their mode and read-only command; Start runs one (its state leaves "stopped" without a reload), Stop
 * ends it.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LocalBroadcastersPageIT extends BrowserTest {

    static final By ROW = By.xpath("//table[@id='local:table']//tr[.//span[@class='broadcaster-name' and .='it-pattern']]");
    static final By STATE = By.xpath("//table[@id='local:table']//span[@class='broadcaster-state' and @data-broadcaster='it-pattern']");

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    @BeforeAll
    static void logIn() {
        browser.logInAsAdmin();
    }

    @Test
    void anAdminSeesTheBroadcastersAndStartsAndStopsOne() {
        browser.open("/local-broadcasters.xhtml");
        String row = browser.textOf(ROW);
        assertTrue(row.contains("/it-local/pattern.sdp") && row.contains("on-demand, 3 s linger"), row);
        assertTrue(row.contains("ffmpeg -hide_banner") && row.contains("testsrc2=size=320x240:rate=25"), row);
        assertTrue(row.contains("rtsp://it-local-caster:***@{host}:{port}{path}") && !row.contains("local-pw"),
                "the publishing password is not shown: " + row);
        assertEquals("stopped", browser.textOf(STATE));
        assertTrue(browser.driver().findElements(new ByChained(ROW, By.tagName("textarea"))).isEmpty()
                && browser.driver().findElements(new ByChained(ROW, By.cssSelector("input[type='text']"))).isEmpty(),
                "the command is not editable");
        assertTrue(browser.present(By.id("nav-local-broadcasters")));

        browser.click(new ByChained(ROW, By.cssSelector("input[value='Start']")));
        browser.await(ExpectedConditions.textToBePresentInElementLocated(By.id("page-messages"), "Started it-pattern"));
        browser.await(Duration.ofSeconds(20), d -> !"stopped".equals(browser.textOf(STATE)));
        browser.screenshot("local-broadcasters");

        browser.click(new ByChained(ROW, By.cssSelector("input[value='Stop']")));
        browser.await(ExpectedConditions.alertIsPresent()).accept();
        browser.await(ExpectedConditions.textToBePresentInElementLocated(By.id("page-messages"),
                "Stopped it-pattern; its next viewer starts it again."));
        // SIGTERM now, noticed by the next housekeeping round; the page refreshes itself every 5 s.
        browser.await(Duration.ofSeconds(20), d -> "stopped".equals(browser.textOf(STATE)));
    }
}
