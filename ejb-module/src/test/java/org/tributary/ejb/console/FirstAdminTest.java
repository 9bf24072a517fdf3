package org.tributary.ejb.console;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FirstAdminTest {

    @Test
    void randomPasswordsAreLongAndDifferent() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            String password = FirstAdmin.randomPassword(20);
            assertEquals(20, password.length());
            assertTrue(password.chars().allMatch(Character::isLetterOrDigit), password);
            seen.add(password);
        }
        assertEquals(50, seen.size());
    }

    @Test
    void theFirstRunLineNamesUserAndFileButNoPassword() {
        String line = FirstAdmin.firstRunMessage("admin", Path.of("/data/tributary/initial-admin-password"));
        assertTrue(line.contains("'admin'"), line);
        assertTrue(line.contains("/data/tributary/initial-admin-password"), line);
        assertFalse(line.toLowerCase().contains("password:"), line);
    }

    @Test
    void rolesIncludeTheLowerOnes() {
        assertEquals(Set.of("viewer", "operator", "admin"), ConsoleRole.ADMIN.grantedRoleNames());
        assertEquals(Set.of("viewer", "operator"), ConsoleRole.OPERATOR.grantedRoleNames());
        assertEquals(Set.of("viewer"), ConsoleRole.VIEWER.grantedRoleNames());
        assertEquals(ConsoleRole.OPERATOR, ConsoleRole.parse(" Operator "));
        assertThrows(IllegalArgumentException.class, () -> ConsoleRole.parse("root"));
    }

    @Test
    void shortPasswordsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> ConsoleAccountService.checkPassword("short"));
        ConsoleAccountService.checkPassword("long enough");
    }
}
