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
import org.openqa.selenium.Dimension;
import org.tributary.it.support.BrowserTest;
import org.tributary.it.support.Deployments;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every console page fits a 1366 px laptop and a 768 px tablet without scrolling sideways, neither the page
 * nor any of its tables, even with a file name of 150 characters and no spaces and the long error text of a
 * file that cannot be streamed in the media library.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ConsoleLayoutIT extends BrowserTest {

    private static final String LONG_NAME = "quarterly-all-hands-" + "recording-of-the-whole-company-".repeat(4)
            + "final-version-2.mp4";
    private static final String BROKEN_NAME = "layout-broken-" + "x".repeat(60) + ".mp4";
    private static final List<String> PAGES = List.of("/index.xhtml", "/sessions.xhtml", "/media.xhtml",
            "/users.xhtml", "/groups.xhtml", "/rules.xhtml", "/broadcasters.xhtml", "/local-broadcasters.xhtml",
            "/logs.xhtml", "/errorlog.xhtml", "/darwin.xhtml", "/account.xhtml", "/admin/accounts.xhtml",
            "/admin/settings.xhtml", "/admin/import.xhtml", "/admin/user.xhtml", "/admin/group.xhtml",
            "/admin/rule.xhtml", "/admin/broadcaster.xhtml", "/media.xhtml?play=sample.mp4");

    /** Elements wider than their box: the page itself, and anything that scrolls sideways inside it. */
    private static final String OVERFLOWING = """
            const found = [];
            const page = document.documentElement;
            if (page.scrollWidth > window.innerWidth) {
              found.push('the page: ' + page.scrollWidth + ' px in a ' + window.innerWidth + ' px window');
            }
            for (const e of document.querySelectorAll('body *')) {
              const style = getComputedStyle(e);
              if ((style.overflowX === 'auto' || style.overflowX === 'scroll') && e.scrollWidth > e.clientWidth + 1) {
                found.push((e.id ? '#' + e.id : e.tagName.toLowerCase() + '.' + e.className) + ': '
                    + e.scrollWidth + ' px in ' + e.clientWidth + ' px');
              }
            }
            return found.join('; ');
            """;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    private static Path media(String name) {
        return Path.of(System.getProperty("it.media.dir"), name);
    }

    @BeforeAll
    static void filesWithLongNamesAndLongErrors() throws IOException {
        Files.copy(media("sample.mp4"), media(LONG_NAME), StandardCopyOption.REPLACE_EXISTING);
        byte[] truncated = Files.readAllBytes(media("sample.mp4"));
        Files.write(media(BROKEN_NAME), java.util.Arrays.copyOf(truncated, 900)); // cut off: a long reason
        browser.logInAsAdmin();
    }

    @AfterAll
    static void removeThem() throws IOException {
        Files.deleteIfExists(media(LONG_NAME));
        Files.deleteIfExists(media(BROKEN_NAME));
        browser.driver().manage().window().setSize(new Dimension(1366, 900));
    }

    @Test
    void everyPageFitsALaptopAndATabletWithoutScrollingSideways() {
        browser.await(Duration.ofSeconds(20), d -> {
            browser.open("/media.xhtml");
            return browser.present(By.cssSelector("tr.media-file[data-path='" + BROKEN_NAME + "'] .problem"))
                    && browser.present(By.cssSelector("tr.media-file[data-path='" + LONG_NAME + "'] .rtsp-url"));
        });
        List<String> problems = new ArrayList<>();
        for (int width : new int[] {1366, 768}) {
            browser.driver().manage().window().setSize(new Dimension(width, 768));
            for (String page : PAGES) {
                browser.open(page);
                browser.await(d -> browser.present(By.tagName("main")));
                String overflowing = (String) browser.script(OVERFLOWING);
                if (!overflowing.isEmpty()) {
                    problems.add(width + " px " + page + ": " + overflowing);
                }
            }
        }
        assertEquals(List.of(), problems, "pages that scroll sideways");
    }
}
