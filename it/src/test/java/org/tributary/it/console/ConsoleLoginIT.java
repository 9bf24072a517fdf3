package org.tributary.it.console;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.tributary.it.support.BrowserTest;
import org.tributary.it.support.ConsoleApi;
import org.tributary.it.support.Deployments;
import org.tributary.it.support.Endpoints;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The login form in a real browser: a wrong password is refused with a message, a good one gets in. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ConsoleLoginIT extends BrowserTest {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    @Test
    void aWrongPasswordShowsAnErrorAndAGoodOneOpensTheAskedPage() {
        browser.driver().manage().deleteAllCookies();
        browser.open("/sessions.xhtml");
        assertTrue(browser.driver().getCurrentUrl().contains("/login.xhtml?next="), browser.driver().getCurrentUrl());

        browser.type(By.id("login:user"), ConsoleApi.ADMIN);
        browser.type(By.id("login:password"), "not-the-password");
        browser.clickAndWaitForPage(By.id("login:submit"));
        assertEquals("Wrong user name or password.", browser.find(By.cssSelector("#login\\:messages li")).getText());
        assertEquals("", browser.find(By.id("login:password")).getAttribute("value"), "the password is not sent back");
        assertFalse(browser.present(By.id("current-user")));

        browser.type(By.id("login:password"), ConsoleApi.ADMIN_PASSWORD);
        browser.clickAndWaitForPage(By.id("login:submit"));
        browser.await(ExpectedConditions.urlContains("/sessions.xhtml"));
        assertEquals(ConsoleApi.ADMIN, browser.find(By.id("current-user")).getText());
        assertEquals("admin", browser.find(By.id("current-role")).getText().toLowerCase());
        assertTrue(browser.find(By.tagName("h1")).getText().contains("Sessions"));
        browser.open("/login.xhtml");
        assertTrue(browser.driver().getCurrentUrl().endsWith("/index.xhtml"), "logged in: the form steps aside");

        browser.logOut();
        browser.open("/index.xhtml");
        assertTrue(browser.driver().getCurrentUrl().contains("/login.xhtml"), "logged out: the pages ask again");
    }

    @Test
    void theLoginFormDoesNotSendTheBrowserOffSite() {
        browser.driver().manage().deleteAllCookies();
        browser.open("/login.xhtml?next=//example.org/");
        browser.type(By.id("login:user"), ConsoleApi.ADMIN);
        browser.type(By.id("login:password"), ConsoleApi.ADMIN_PASSWORD);
        browser.clickAndWaitForPage(By.id("login:submit"));
        browser.await(ExpectedConditions.presenceOfElementLocated(By.id("current-user")));
        assertTrue(browser.driver().getCurrentUrl().startsWith(Endpoints.HTTP + "/index.xhtml"), browser.driver().getCurrentUrl());
        browser.logOut();
    }

    @Test
    void anExpiredPageComesBackWithAMessageInsteadOfAnError() {
        browser.driver().manage().deleteAllCookies();
        browser.logInAsAdmin();
        browser.open("/users.xhtml");
        // As if the server had forgotten the page's state (a restart, a new login in another tab).
        browser.script("document.querySelectorAll(\"input[name='jakarta.faces.ViewState']\")"
                + ".forEach(function (i) { i.value = 'forgotten-view'; });");
        browser.clickAndWaitForPage(By.id("account:logout"));
        browser.await(ExpectedConditions.urlContains("/users.xhtml"));
        assertTrue(browser.find(By.id("page-messages")).getText().contains("The page had expired"),
                browser.find(By.tagName("main")).getText());
        assertEquals(ConsoleApi.ADMIN, browser.find(By.id("current-user")).getText(), "still logged in");
        browser.logOut();
    }
}
