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
import org.tributary.it.support.Browser;
import org.tributary.it.support.ConsoleApi;
import org.tributary.it.support.Deployments;
import org.tributary.it.support.Endpoints;
import org.tributary.it.support.RtspTestClient;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Settings page: bad values are explained next to their fields, a saved limit is in effect over
 * RTSP at once, and the page says which fields took effect and which wait for a restart.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SettingsPageIT {

    static Browser browser;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    @BeforeAll
    static void logIn() {
        browser = new Browser().logIn(ConsoleApi.ADMIN, ConsoleApi.ADMIN_PASSWORD);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    static String value(String field) {
        return browser.find(By.id("settings:" + field)).getAttribute("value");
    }

    static String error(String field) {
        return browser.find(By.id("settings:" + field + "-error")).getText();
    }

    static void save() {
        browser.clickAndWaitForPage(By.id("settings:save"));
    }

    /** The first line a new RTSP connection is answered with, before it sends anything. */
    static String greeting() throws Exception {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), Endpoints.RTSP_PORT)) {
            socket.setSoTimeout(1500);
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            try {
                String line = in.readLine();
                return line == null ? "closed" : line;
            } catch (java.net.SocketTimeoutException e) {
                return "nothing (connection accepted)";
            }
        }
    }

    @Test
    void aLimitSavedOnThePageIsInEffectAtOnceAndRestartFieldsAreNamed() throws Exception {
        browser.open("/admin/settings.xhtml");
        assertEquals("127.0.0.1", value("rtspBindAddress"));
        assertEquals(String.valueOf(Endpoints.RTSP_PORT), value("rtspPort"));
        String maxConnections = value("maxConnections");

        // Bad values: each explained next to its field, nothing saved.
        browser.type(By.id("settings:maxConnections"), "many");
        browser.type(By.id("settings:rtpPort"), "7001");
        save();
        assertEquals("A whole number.", error("maxConnections"));
        browser.type(By.id("settings:maxConnections"), "1");
        save();
        assertTrue(error("rtpPort").contains("must be even"), error("rtpPort"));
        assertEquals("nothing (connection accepted)", greeting(), "nothing was applied");

        // A live field and a restart field together.
        browser.open("/admin/settings.xhtml");
        String rtpPort = value("rtpPort");
        browser.type(By.id("settings:maxConnections"), "1");
        browser.type(By.id("settings:rtspBindAddress"), "0.0.0.0");
        save();
        assertTrue(browser.find(By.id("applied-live")).getText().contains("Max connections"), browser.find(By.id("applied-live")).getText());
        assertTrue(browser.find(By.id("need-restart")).getText().contains("RTSP bind address"), browser.find(By.id("need-restart")).getText());
        assertEquals(rtpPort, value("rtpPort"));
        browser.screenshot("settings");
        try (RtspTestClient first = new RtspTestClient()) {
            assertEquals(200, first.request("OPTIONS", Endpoints.RTSP, 1).status());
            assertTrue(greeting().startsWith("RTSP/1.0 503"), "the second connection is refused at once");
        } finally {
            browser.open("/admin/settings.xhtml");
            browser.type(By.id("settings:maxConnections"), maxConnections);
            browser.type(By.id("settings:rtspBindAddress"), "127.0.0.1");
            save();
        }
        assertTrue(browser.find(By.id("applied-live")).getText().contains("Max connections"));
        assertTrue(browser.driver().findElements(By.id("pending-restart")).isEmpty());
        assertEquals("nothing (connection accepted)", greeting());
    }
}
