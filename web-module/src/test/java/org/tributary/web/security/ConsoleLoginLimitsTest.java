package org.tributary.web.security;

import org.junit.jupiter.api.Test;

import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConsoleLoginLimitsTest {

    @Test
    void defaults() {
        assertEquals(new ConsoleLoginLimits(5, 30, 60), ConsoleLoginLimits.from(new Properties()));
    }

    @Test
    void propertiesSetThem() {
        Properties p = new Properties();
        p.setProperty("tributary.console.failures-before-lockout", "3");
        p.setProperty("tributary.console.address-failures-before-lockout", "100");
        p.setProperty("tributary.console.lockout-seconds", " 20 ");
        assertEquals(new ConsoleLoginLimits(3, 100, 20), ConsoleLoginLimits.from(p));
    }

    @Test
    void aBadValueNamesItsProperty() {
        for (String bad : new String[]{"0", "-1", "many", "2000"}) {
            Properties p = new Properties();
            p.setProperty("tributary.console.failures-before-lockout", bad);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ConsoleLoginLimits.from(p));
            assertTrue(e.getMessage().startsWith("tributary.console.failures-before-lockout"), e.getMessage());
        }
    }

    @Test
    void namesGoIntoLogLinesWithoutControlCharacters() {
        assertEquals("ann?FAKE LINE", ConsoleLoginGuard.printable("ann\nFAKE LINE"));
        assertEquals(67, ConsoleLoginGuard.printable("x".repeat(500)).length());
    }
}
