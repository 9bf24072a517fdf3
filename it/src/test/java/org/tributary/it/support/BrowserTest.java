package org.tributary.it.support;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The console's browser tests: one headless {@link Browser} per test class, started before the class's own
 * {@code @BeforeAll} methods (after Arquillian has deployed, its extension runs first) and closed after the
 * class's tests. A class that starts as the admin calls {@link Browser#logInAsAdmin()} in its setup.
 */
public abstract class BrowserTest {

    protected static Browser browser;

    @BeforeAll
    static void startBrowser() {
        browser = new Browser();
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }
}
