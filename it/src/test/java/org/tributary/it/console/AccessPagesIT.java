package org.tributary.it.console;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.tributary.rtsp.header.DigestAlgorithm;
import org.tributary.api.access.DigestMath;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.tributary.it.support.BrowserTest;
import org.tributary.it.support.ConsoleApi;
import org.tributary.it.support.Deployments;
import org.tributary.it.support.Endpoints;
import org.tributary.it.support.RtspTestClient;
import org.tributary.it.support.Tools;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An admin protects a folder from the pages: creates a streaming user and a rule naming it (each form
 * first refusing bad input next to the field), and the folder then wants that user over RTSP.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AccessPagesIT extends BrowserTest {

    static final String FOLDER = "console-private";
    static final String USER = "console-it-ann";
    static final String PASSWORD = "ann-Pw-4411";

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    @BeforeAll
    static void setUp() throws Exception {
        Path root = Path.of(System.getProperty("it.media.dir"));
        Files.createDirectories(root.resolve(FOLDER));
        Files.copy(root.resolve("sample.mp4"), root.resolve(FOLDER).resolve("sample.mp4"), StandardCopyOption.REPLACE_EXISTING);
        browser.logInAsAdmin();
    }

    static int describe(String authorization) throws Exception {
        try (RtspTestClient client = new RtspTestClient()) {
            String url = Endpoints.RTSP + FOLDER + "/sample.mp4";
            return authorization == null ? client.request("DESCRIBE", url, 1).status()
                    : client.request("DESCRIBE", url, 1, "Authorization: " + authorization).status();
        }
    }

    static String fieldError(String form, String field) {
        return browser.textOf(By.id(form + ":" + field + "-error"));
    }

    @Test
    void aUserAndARuleMadeOnThePagesProtectAFolder() throws Exception {
        assertEquals(200, describe(null), "open before the rule");

        // The user form: per-field messages first, then a good user.
        browser.open("/users.xhtml").clickAndWaitForPage(By.id("new-user"));
        browser.type(By.id("user:name"), "bad name");
        browser.type(By.id("user:password"), PASSWORD);
        browser.type(By.id("user:passwordAgain"), "something else");
        browser.clickAndWaitForPage(By.id("user:save"));
        assertEquals("1 to 255 characters, no ':' and no spaces.", fieldError("user", "name"));
        assertEquals("The two passwords differ.", fieldError("user", "passwordAgain"));
        browser.type(By.id("user:name"), USER);
        browser.type(By.id("user:password"), PASSWORD);
        browser.type(By.id("user:passwordAgain"), PASSWORD);
        browser.clickAndWaitForPage(By.id("user:save"));
        browser.await(ExpectedConditions.textToBePresentInElementLocated(By.id("page-messages"), "Created user '" + USER + "'"));
        assertTrue(browser.find(By.id("users")).getText().contains(USER));
        browser.screenshot("users");

        // The rule form: a bad address block is refused next to its field, then the rule is saved.
        browser.open("/rules.xhtml").clickAndWaitForPage(By.id("new-rule"));
        browser.type(By.id("rule:path"), "/" + FOLDER + "/");
        new Select(browser.find(By.id("rule:read_audience"))).selectByValue("listed");
        browser.type(By.id("rule:read_users"), USER);
        browser.type(By.id("rule:allowFrom"), "not-a-block");
        browser.type(By.id("rule:note"), "made by AccessPagesIT");
        browser.clickAndWaitForPage(By.id("rule:save"));
        assertEquals("'not-a-block' is not an address block like 10.0.0.0/8", fieldError("rule", "allowFrom"));
        browser.type(By.id("rule:allowFrom"), "127.0.0.0/8");
        browser.clickAndWaitForPage(By.id("rule:save"));
        browser.await(ExpectedConditions.textToBePresentInElementLocated(By.id("page-messages"), "Saved the rule of '/" + FOLDER + "'"));
        String rules = browser.find(By.id("rules")).getText();
        assertTrue(rules.contains("/" + FOLDER + "/") && rules.contains("users: " + USER), rules);
        browser.screenshot("rules");

        // Over RTSP: a login is now needed, a wrong one is refused and the user's own works for ffprobe.
        assertEquals(401, describe(null));
        assertEquals(401, describe(ConsoleApi.basic(USER, "wrong")));
        Tools.Result probe = Tools.run(30, "ffprobe", "-v", "error", "-show_entries", "stream=codec_name", "-of", "csv=p=0",
                "rtsp://" + USER + ":" + PASSWORD + "@127.0.0.1:" + Endpoints.RTSP_PORT + "/" + FOLDER + "/sample.mp4");
        assertEquals(0, probe.exitCode(), probe.stderr());
        assertTrue(probe.stdout().contains("h264"), probe.stdout());

        // A second rule for the same folder is refused on the form.
        browser.open("/admin/rule.xhtml");
        browser.type(By.id("rule:path"), FOLDER);
        browser.clickAndWaitForPage(By.id("rule:save"));
        assertEquals("The folder '/" + FOLDER + "' has a rule already.", fieldError("rule", "path"));

        // Deleting the rule from its page opens the folder again.
        browser.open("/rules.xhtml");
        browser.clickAndWaitForPage(By.xpath("//table[@id='rules']//tr[contains(., '/" + FOLDER + "/')]//a[.='Edit']"));
        browser.find(By.id("rule:delete")).click();
        browser.await(ExpectedConditions.alertIsPresent()).accept();
        browser.await(ExpectedConditions.textToBePresentInElementLocated(By.id("page-messages"), "Deleted the rule"));
        assertFalse(browser.find(By.tagName("main")).getText().contains("/" + FOLDER + "/"));
        assertEquals(200, describe(null));
    }

    @Test
    void darwinFilesImportedOnThePageListBadLinesFirstThenImportAndExport() throws Exception {
        String realm = "Streaming Server";
        String bob = "console-qt-bob";
        String qtusers = "realm " + realm + "\n" + bob + ":abCDef12345:"
                + DigestMath.ha1(DigestAlgorithm.MD5, bob, realm, "bob-pw") + "\n";
        Path upload = Files.createTempFile("qtusers", "");
        Files.writeString(upload, qtusers);
        try {
            browser.open("/darwin.xhtml").clickAndWaitForPage(By.id("import-link"));
            browser.type(By.id("import:groupsText"), "console-qt-staff " + bob + "\n");
            browser.type(By.id("import:folder"), "console-qt");
            browser.type(By.id("import:accessText"), "require group console-qt-staff\n<Limit WRITE>\n");
            browser.clickAndWaitForPage(By.id("import:import-button"));
            assertEquals(List.of("qtgroups:1: expected 'group: user1 user2 ...'", "console-qt/qtaccess:2: <Limit> is not closed"),
                    browser.driver().findElements(By.cssSelector("code.problem")).stream().map(e -> e.getText()).toList());
            assertEquals(404, ConsoleApi.admin().get("/api/groups/console-qt-staff").statusCode(), "nothing imported");

            browser.find(By.id("import:usersFile")).sendKeys(upload.toString());
            browser.type(By.id("import:groupsText"), "console-qt-staff: " + bob + "\n");
            browser.type(By.id("import:accessText"), "require group console-qt-staff\n");
            browser.clickAndWaitForPage(By.id("import:import-button"));
            assertTrue(browser.find(By.id("page-messages")).getText().contains("Imported 1 user(s), 1 group(s), 1 rule(s)."),
                    browser.find(By.id("page-messages")).getText());
            assertFalse(browser.present(By.cssSelector("code.problem")));

            // The export (the API, read with the page's login) gives the group back in Darwin's format.
            browser.open("/api/darwin/qtgroups");
            assertTrue(browser.find(By.tagName("body")).getText().contains("console-qt-staff: " + bob));
        } finally {
            Files.deleteIfExists(upload);
            ConsoleApi admin = ConsoleApi.admin();
            for (jakarta.json.JsonObject rule : jakarta.json.Json.createReader(
                    new java.io.StringReader(admin.get("/api/rules").body())).readArray().getValuesAs(jakarta.json.JsonObject.class)) {
                if (rule.getString("path").equals("console-qt")) {
                    admin.delete("/api/rules/" + rule.getJsonNumber("id").longValue());
                }
            }
            admin.delete("/api/groups/console-qt-staff");
            admin.delete("/api/users/" + bob);
        }
    }

    @Test
    void groupsAndBroadcasterAccountsAreMadeChangedAndDeletedOnThePages() throws Exception {
        String user = "console-it-gus";
        assertEquals(201, ConsoleApi.admin().postJson("/api/users", "{\"name\":\"" + user + "\",\"password\":\"gus-pw\"}").statusCode());
        try {
            browser.open("/groups.xhtml").clickAndWaitForPage(By.id("new-group"));
            browser.type(By.id("group:name"), "console-it-crew");
            browser.type(By.id("group:members"), user + " nobody-such");
            browser.clickAndWaitForPage(By.id("group:save"));
            assertEquals("No such user: nobody-such.", fieldError("group", "members"));
            browser.type(By.id("group:members"), user);
            browser.clickAndWaitForPage(By.id("group:save"));
            assertTrue(browser.find(By.id("groups")).getText().contains("console-it-crew 1: " + user), browser.find(By.id("groups")).getText());

            browser.open("/broadcasters.xhtml").clickAndWaitForPage(By.id("new-broadcaster"));
            browser.type(By.id("broadcaster:user"), user);
            browser.clickAndWaitForPage(By.id("broadcaster:save"));
            assertEquals("At least one path prefix is needed (e.g. live/).", fieldError("broadcaster", "paths"));
            browser.type(By.id("broadcaster:paths"), "live/\nevents/");
            browser.clickAndWaitForPage(By.id("broadcaster:save"));
            assertTrue(browser.find(By.id("broadcasters")).getText().contains("live, events"), browser.find(By.id("broadcasters")).getText());
            assertEquals(200, ConsoleApi.admin().get("/api/broadcasters/" + user).statusCode());

            browser.clickAndWaitForPage(By.xpath("//table[@id='broadcasters']//tr[contains(., '" + user + "')]//a[.='Edit']"));
            browser.find(By.id("broadcaster:delete")).click();
            browser.await(ExpectedConditions.alertIsPresent()).accept();
            browser.await(ExpectedConditions.textToBePresentInElementLocated(By.id("page-messages"), "Deleted broadcaster account"));
            assertEquals(404, ConsoleApi.admin().get("/api/broadcasters/" + user).statusCode());

            browser.open("/groups.xhtml");
            browser.clickAndWaitForPage(By.xpath("//table[@id='groups']//tr[contains(., 'console-it-crew')]//a[.='Edit']"));
            browser.find(By.id("group:delete")).click();
            browser.await(ExpectedConditions.alertIsPresent()).accept();
            browser.await(ExpectedConditions.textToBePresentInElementLocated(By.id("page-messages"), "Deleted group"));
            assertEquals(404, ConsoleApi.admin().get("/api/groups/console-it-crew").statusCode());
        } finally {
            ConsoleApi.admin().delete("/api/broadcasters/" + user);
            ConsoleApi.admin().delete("/api/groups/console-it-crew");
            ConsoleApi.admin().delete("/api/users/" + user);
        }
    }
}
