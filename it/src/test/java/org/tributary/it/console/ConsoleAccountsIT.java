package org.tributary.it.console;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.tributary.it.support.BrowserTest;
import org.tributary.it.support.ConsoleApi;
import org.tributary.it.support.Deployments;
import org.tributary.it.support.Endpoints;
import org.tributary.it.support.RtspTestClient;

import java.net.http.HttpResponse;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Console accounts on the pages: an admin creates an operator (after per-field errors) who then logs in
 * with the operator's controls, is demoted and loses them on the next page; an admin cannot delete or
 * demote itself; anyone changes their own password and the old one stops working at once. And the
 * dashboard's Server card follows the server without a reload.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ConsoleAccountsIT extends BrowserTest {

    /** Unique per run: the database may outlive a server restart. */
    static final String RUN = Long.toString(System.currentTimeMillis() % 1_000_000, 36);
    static final String OPERATOR = "it-acct-op-" + RUN;
    static final String OPERATOR_PASSWORD = "op-Pw-" + RUN + "-4471";
    static final String VIEWER = "it-acct-viewer-" + RUN;
    static final String VIEWER_PASSWORD = "viewer-Pw-" + RUN + "-1";
    static final String VIEWER_NEW_PASSWORD = "viewer-New-" + RUN + "-2";

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    /** Puts a saved login (session cookie) into the browser: two accounts, one browser. */
    static void useSession(String sessionId) {
        browser.open("/login.xhtml");
        browser.driver().manage().deleteAllCookies();
        browser.driver().manage().addCookie(new Cookie("JSESSIONID", sessionId, "/tributary"));
    }

    static String sessionId() {
        return browser.driver().manage().getCookieNamed("JSESSIONID").getValue();
    }

    /** The accounts table's row of an account (XPath). */
    static String row(String account) {
        return "//table[@id='accounts']//tr[td/span[@class='account-name' and text()='" + account + "']]";
    }

    static RtspTestClient readySession() throws Exception {
        RtspTestClient client = new RtspTestClient();
        RtspTestClient.Response setup = client.request("SETUP", Endpoints.RTSP + "sample.mp4/trackID=1", 1,
                "Transport: RTP/AVP/TCP;unicast;interleaved=0-1", "User-Agent: ConsoleAccountsIT");
        assertEquals(200, setup.status());
        return client;
    }

    @Test
    void anAdminCreatesAnOperatorWhoLosesDisconnectWhenDemoted() throws Exception {
        browser.driver().manage().deleteAllCookies();
        browser.logInAsAdmin();
        browser.find(By.id("nav-accounts")).click();
        browser.await(ExpectedConditions.textToBe(By.tagName("h1"), "Console accounts"));
        browser.clickAndWaitForPage(By.id("new-account"));

        // Bad fields first: each gets its message, nothing is created.
        browser.type(By.id("consoleAccount:name"), "bad name!");
        browser.type(By.id("consoleAccount:password"), "short");
        browser.type(By.id("consoleAccount:passwordAgain"), "short");
        browser.clickAndWaitForPage(By.id("consoleAccount:save"));
        assertTrue(browser.find(By.id("consoleAccount:name-error")).getText().contains("letters, digits"));
        assertTrue(browser.find(By.id("consoleAccount:password-error")).getText().contains("At least 8"));
        browser.type(By.id("consoleAccount:name"), OPERATOR);
        new Select(browser.find(By.id("consoleAccount:role"))).selectByValue("operator");
        browser.type(By.id("consoleAccount:password"), OPERATOR_PASSWORD);
        browser.type(By.id("consoleAccount:passwordAgain"), OPERATOR_PASSWORD + "x");
        browser.clickAndWaitForPage(By.id("consoleAccount:save"));
        assertEquals("The two passwords differ.", browser.find(By.id("consoleAccount:passwordAgain-error")).getText());
        assertEquals(404, ConsoleApi.admin().get("/api/console-accounts/" + OPERATOR).statusCode(), "not created yet");
        browser.type(By.id("consoleAccount:password"), OPERATOR_PASSWORD);
        browser.type(By.id("consoleAccount:passwordAgain"), OPERATOR_PASSWORD);
        browser.clickAndWaitForPage(By.id("consoleAccount:save"));
        browser.await(ExpectedConditions.textToBePresentInElementLocated(By.id("page-messages"),
                "Created console account '" + OPERATOR + "' (operator)."));
        assertEquals("operator", browser.find(By.xpath(row(OPERATOR) + "//span[contains(@class,'role')]")).getText().toLowerCase());
        browser.screenshot("accounts");
        String admin = sessionId();

        // The new account logs in with the operator's navigation and controls, no admin pages.
        browser.driver().manage().deleteAllCookies();
        browser.logIn(OPERATOR, OPERATOR_PASSWORD);
        assertEquals("operator", browser.find(By.id("current-role")).getText().toLowerCase());
        assertFalse(browser.present(By.id("nav-accounts")));
        assertFalse(browser.present(By.id("nav-settings")));
        String operator;
        try (RtspTestClient session = readySession()) {
            browser.open("/sessions.xhtml");
            browser.await(ExpectedConditions.textToBePresentInElementLocated(By.id("sessions:table"), "ConsoleAccountsIT"));
            assertTrue(browser.present(By.cssSelector("input[value='Disconnect']")));
            browser.open("/admin/accounts.xhtml");
            assertEquals("Not allowed", browser.find(By.tagName("h1")).getText());
            operator = sessionId();

            // The admin (its own session) demotes it to viewer on the edit page.
            useSession(admin);
            browser.open("/admin/accounts.xhtml");
            browser.clickAndWaitForPage(By.xpath(row(OPERATOR) + "//a[text()='Edit']"));
            new Select(browser.find(By.id("consoleAccount:role"))).selectByValue("viewer");
            browser.clickAndWaitForPage(By.id("consoleAccount:save"));
            browser.await(ExpectedConditions.textToBePresentInElementLocated(By.id("page-messages"),
                    "Saved console account '" + OPERATOR + "' (viewer)."));

            // The operator's session, still logged in, is a viewer from its next page on.
            useSession(operator);
            browser.open("/sessions.xhtml");
            browser.await(ExpectedConditions.textToBePresentInElementLocated(By.id("sessions:table"), "ConsoleAccountsIT"));
            assertEquals(OPERATOR, browser.find(By.id("current-user")).getText());
            assertEquals("viewer", browser.find(By.id("current-role")).getText().toLowerCase());
            assertFalse(browser.present(By.cssSelector("input[value='Disconnect']")), "no Disconnect for a viewer");
        }

        // The admin resets its password: the account's open session ends on its next page.
        useSession(admin);
        browser.open("/admin/account.xhtml?name=" + OPERATOR);
        browser.type(By.id("consoleAccount:password"), OPERATOR_PASSWORD + "-reset");
        browser.type(By.id("consoleAccount:passwordAgain"), OPERATOR_PASSWORD + "-reset");
        browser.clickAndWaitForPage(By.id("consoleAccount:save"));
        browser.await(ExpectedConditions.textToBePresentInElementLocated(By.id("page-messages"), "with its new password"));
        useSession(operator);
        browser.open("/sessions.xhtml");
        assertTrue(browser.present(By.id("login:user")), "back on the login form");
        browser.logIn(OPERATOR, OPERATOR_PASSWORD + "-reset");
        browser.logOut();
    }

    @Test
    void anAdminCannotDeleteOrDemoteItself() throws Exception {
        browser.driver().manage().deleteAllCookies();
        browser.logInAsAdmin();
        browser.open("/admin/account.xhtml?name=" + ConsoleApi.ADMIN);
        browser.find(By.id("consoleAccount:delete")).click();
        browser.await(ExpectedConditions.alertIsPresent()).accept();
        browser.await(ExpectedConditions.textToBePresentInElementLocated(By.id("page-messages"),
                "You cannot delete your own account: another admin has to."));
        new Select(browser.find(By.id("consoleAccount:role"))).selectByValue("viewer");
        browser.clickAndWaitForPage(By.id("consoleAccount:save"));
        assertTrue(browser.find(By.id("consoleAccount:role-error")).getText().contains("your own account"));
        HttpResponse<String> still = ConsoleApi.admin().get("/api/console-accounts/" + ConsoleApi.ADMIN);
        assertEquals(200, still.statusCode());
        assertTrue(still.body().contains("\"role\":\"admin\""), still.body());
        browser.logOut();
    }

    @Test
    void aUserChangesItsOwnPasswordAndTheOldOneStopsWorking() throws Exception {
        HttpResponse<String> created = ConsoleApi.admin().postJson("/api/console-accounts",
                "{\"name\":\"" + VIEWER + "\",\"role\":\"viewer\",\"password\":\"" + VIEWER_PASSWORD + "\"}");
        assertEquals(201, created.statusCode(), created.body());
        // A script's login is remembered for a while (LoginCache): the change must end that too.
        assertEquals(200, new ConsoleApi(VIEWER, VIEWER_PASSWORD).get("/api/me").statusCode());

        browser.driver().manage().deleteAllCookies();
        browser.logIn(VIEWER, VIEWER_PASSWORD);
        browser.clickAndWaitForPage(By.id("account:my-account"));
        assertEquals("My account", browser.find(By.tagName("h1")).getText());
        assertEquals("viewer", browser.find(By.id("my-role")).getText().toLowerCase());

        browser.type(By.id("mine:current"), "not-my-password");
        browser.type(By.id("mine:password"), VIEWER_NEW_PASSWORD);
        browser.type(By.id("mine:passwordAgain"), VIEWER_NEW_PASSWORD);
        browser.clickAndWaitForPage(By.id("mine:change"));
        assertEquals("This is not your current password.", browser.find(By.id("mine:current-error")).getText());
        assertEquals(200, new ConsoleApi(VIEWER, VIEWER_PASSWORD).get("/api/me").statusCode(), "unchanged");

        browser.type(By.id("mine:current"), VIEWER_PASSWORD);
        browser.type(By.id("mine:password"), VIEWER_NEW_PASSWORD);
        browser.type(By.id("mine:passwordAgain"), VIEWER_NEW_PASSWORD);
        browser.clickAndWaitForPage(By.id("mine:change"));
        browser.await(ExpectedConditions.textToBePresentInElementLocated(By.id("page-messages"), "Your password is changed"));
        assertEquals(VIEWER, browser.find(By.id("current-user")).getText(), "this session stays logged in");
        assertEquals(401, new ConsoleApi(VIEWER, VIEWER_PASSWORD).get("/api/me").statusCode(), "old password, at once");
        browser.logOut();

        browser.submitLogin(VIEWER, VIEWER_PASSWORD);
        browser.await(ExpectedConditions.textToBePresentInElementLocated(By.id("login:messages"), "Wrong user name or password."));
        browser.logIn(VIEWER, VIEWER_NEW_PASSWORD);
        assertEquals("viewer", browser.find(By.id("current-role")).getText().toLowerCase());
        assertEquals(200, new ConsoleApi(VIEWER, VIEWER_NEW_PASSWORD).get("/api/me").statusCode());
        browser.logOut();
    }

    @Test
    void theServerCardCountsRequestsWithoutAReload() throws Exception {
        browser.driver().manage().deleteAllCookies();
        browser.logInAsAdmin();
        browser.open("/index.xhtml");
        browser.script("window.itNotReloaded = true;");
        long before = Long.parseLong(browser.find(By.id("requests")).getText().trim());
        try (RtspTestClient client = new RtspTestClient()) {
            assertEquals(200, client.request("OPTIONS", Endpoints.RTSP, 1).status());
        }
        browser.await(Duration.ofSeconds(20), d -> Long.parseLong(d.findElement(By.id("requests")).getText().trim()) > before);
        assertEquals(Boolean.TRUE, browser.script("return window.itNotReloaded === true;"), "the page was not reloaded");
        assertTrue(browser.find(By.id("server-connections")).getText().matches("\\d+ open, \\d+ since start"),
                browser.find(By.id("server-connections")).getText());
        assertTrue(browser.find(By.id("uptime")).getText().matches("(\\d+d )?\\d\\d:\\d\\d:\\d\\d"));
        browser.logOut();
    }
}
