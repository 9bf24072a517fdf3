package org.tributary.ejb.console;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
    void theFirstRunLineNamesUserAndPassword() {
        String line = FirstAdmin.firstRunMessage("admin", "Xy7pQ");
        assertTrue(line.contains("user: admin"), line);
        assertTrue(line.contains("password: Xy7pQ"), line);
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
