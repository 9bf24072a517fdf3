package org.tributary.it.console;

import jakarta.json.Json;
import jakarta.json.JsonObject;
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

import java.io.StringReader;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An admin adds a pull relay with a password on the relay form (of an unreachable server, so it fails and
 * reconnects), sees it listed with its state on the Relays page, edits it leaving the password blank (the stored
 * one stays, and no page ever shows it) and deletes it.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RelaysPageIT extends BrowserTest {

    static final String NAME = "it-relay-page-" + UUID.randomUUID().toString().substring(0, 8);
    static final String SECRET = "it-page-secret-" + UUID.randomUUID();
    static final By ROW = By.xpath("//table[@id='relays:table']//tr[.//span[@class='relay-name' and .='" + NAME + "']]");
    static final By STATE = By.xpath("//table[@id='relays:table']//span[@class='relay-state' and @data-relay='" + NAME + "']");

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    @BeforeAll
    static void logIn() {
        browser.logInAsAdmin();
    }

    @AfterAll
    static void deleteRelay() throws Exception {
        ConsoleApi.admin().delete("/api/relays/" + NAME);
    }

    private static JsonObject relay() throws Exception {
        HttpResponse<String> response = ConsoleApi.admin().get("/api/relays/" + NAME);
        assertEquals(200, response.statusCode(), response.body());
        return Json.createReader(new StringReader(response.body())).readObject();
    }

    @Test
    void anAdminAddsARelayWithAPasswordSeesItsStateEditsItKeepingThePasswordAndDeletesIt() throws Exception {
        browser.open("/relays.xhtml");
        assertTrue(browser.present(By.id("nav-relays")));
        browser.clickAndWaitForPage(By.id("relays:new-relay"));
        browser.type(By.id("relay:name"), NAME);
        browser.type(By.id("relay:path"), "it-relays/" + NAME + ".sdp");
        browser.type(By.id("relay:url"), "rtsp://127.0.0.1:9/nothing");
        browser.type(By.id("relay:user"), "it-page-user");
        browser.type(By.id("relay:password"), SECRET);
        browser.clickAndWaitForPage(By.id("relay:save"));
        browser.await(ExpectedConditions.textToBePresentInElementLocated(By.id("page-messages"), "Saved relay '" + NAME + "'."));

        String row = browser.textOf(ROW);
        assertTrue(row.contains("pull") && row.contains("/it-relays/" + NAME + ".sdp") && row.contains("rtsp://127.0.0.1:9/nothing")
                && row.contains("always"), row);
        browser.await(Duration.ofSeconds(15), d -> List.of("connecting", "backing off").contains(browser.textOf(STATE))
                && browser.present(new ByChained(ROW, By.cssSelector(".relay-error"))));
        assertFalse(browser.driver().getPageSource().contains(SECRET), "the list shows the password");
        assertTrue(relay().getBoolean("hasPassword"));
        browser.screenshot("relays");

        browser.clickAndWaitForPage(new ByChained(ROW, By.linkText("Edit")));
        assertEquals("", browser.find(By.id("relay:password")).getAttribute("value"), "the password field is write-only");
        assertFalse(browser.driver().getPageSource().contains(SECRET), "the form shows the password");
        assertEquals("it-page-user", browser.find(By.id("relay:user")).getAttribute("value"));
        browser.type(By.id("relay:lingerSeconds"), "45");
        browser.clickAndWaitForPage(By.id("relay:save"));
        browser.await(ExpectedConditions.textToBePresentInElementLocated(By.id("page-messages"), "Saved relay '" + NAME + "'."));
        JsonObject edited = relay();
        assertEquals(45, edited.getInt("lingerSeconds"));
        assertTrue(edited.getBoolean("hasPassword"), "a blank password keeps the stored one: " + edited);

        browser.click(new ByChained(ROW, By.cssSelector("input[value='Delete']")));
        browser.await(ExpectedConditions.alertIsPresent()).accept();
        browser.await(ExpectedConditions.textToBePresentInElementLocated(By.id("page-messages"), "Deleted " + NAME + "."));
        browser.await(d -> !browser.present(ROW));
        assertEquals(404, ConsoleApi.admin().get("/api/relays/" + NAME).statusCode());
    }
}
