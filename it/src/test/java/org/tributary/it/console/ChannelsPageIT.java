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
import org.openqa.selenium.support.ui.Select;
import org.tributary.it.support.BrowserTest;
import org.tributary.it.support.ConsoleApi;
import org.tributary.it.support.Deployments;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An admin makes a stream channel on the channel form from the sample clips channels/one|two|three.mp4 chosen
 * from the media catalogue, starts it on the Channels page (it plays the first clip, without a reload) and
 * stops it.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ChannelsPageIT extends BrowserTest {

    static final String NAME = "it-page-" + UUID.randomUUID().toString().substring(0, 8);
    static final By ROW = By.xpath("//table[@id='channels:table']//tr[.//span[@class='channel-name' and .='" + NAME + "']]");
    static final By STATE = By.xpath("//table[@id='channels:table']//span[@class='channel-state' and @data-channel='" + NAME + "']");
    static final By NOW = By.xpath("//table[@id='channels:table']//span[@class='channel-now' and @data-channel='" + NAME + "']");
    static final By PICK = By.id("channel:pick");

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    @BeforeAll
    static void logIn() {
        browser.logInAsAdmin();
    }

    @AfterAll
    static void deleteChannel() throws Exception {
        ConsoleApi.admin().delete("/api/channels/" + NAME);
    }

    private static void add(String path, int items) {
        browser.await(d -> {
            new Select(d.findElement(PICK)).selectByValue(path);
            return true;
        });
        browser.click(By.id("channel:add"));
        browser.await(d -> d.findElements(By.cssSelector("#channel\\:item-table .item-path")).size() == items);
    }

    @Test
    void anAdminMakesAStreamChannelFromMediaFilesStartsAndStopsIt() {
        browser.open("/channels.xhtml");
        assertTrue(browser.present(By.id("nav-channels")));
        browser.clickAndWaitForPage(By.id("channels:new-channel"));
        browser.type(By.id("channel:name"), NAME);
        browser.type(By.id("channel:mount"), "channels/" + NAME + ".sdp");
        add("channels/one.mp4", 1);
        add("channels/two.mp4", 2);
        add("channels/three.mp4", 3);
        assertEquals(List.of("channels/one.mp4", "channels/two.mp4", "channels/three.mp4"),
                browser.driver().findElements(By.cssSelector("#channel\\:item-table .item-path")).stream()
                        .map(e -> e.getText()).toList());
        browser.clickAndWaitForPage(By.id("channel:save"));
        browser.await(ExpectedConditions.textToBePresentInElementLocated(By.id("page-messages"), "Saved channel '" + NAME + "'."));

        String row = browser.textOf(ROW);
        assertTrue(row.contains("stream") && row.contains("/channels/" + NAME + ".sdp") && row.contains("sequential_looped"), row);
        assertEquals("stopped", browser.textOf(STATE));

        browser.click(new ByChained(ROW, By.cssSelector("input[value='Start']")));
        browser.await(ExpectedConditions.textToBePresentInElementLocated(By.id("page-messages"), "Started " + NAME + "."));
        browser.await(Duration.ofSeconds(20), d -> "playing".equals(browser.textOf(STATE)));
        assertTrue(browser.textOf(NOW).startsWith("channels/one.mp4"), browser.textOf(NOW));
        assertTrue(browser.present(new ByChained(ROW, By.cssSelector("a.channel-hls"))), "a stream channel has an HLS link");
        browser.screenshot("channels");

        browser.click(new ByChained(ROW, By.cssSelector("input[value='Stop']")));
        browser.await(ExpectedConditions.alertIsPresent()).accept();
        browser.await(ExpectedConditions.textToBePresentInElementLocated(By.id("page-messages"), "Stopped " + NAME + "."));
        browser.await(Duration.ofSeconds(20), d -> "stopped".equals(browser.textOf(STATE)));
        assertEquals("—", browser.textOf(NOW));
    }
}
