package org.tributary.ejb.console;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class LoginStampTest {

    @Test
    void theStampFollowsThePasswordAndHidesTheHash() {
        String hash = PasswordHash.hash("first-password");
        assertEquals(ConsoleAccountService.stamp(hash), ConsoleAccountService.stamp(hash));
        assertEquals(16, ConsoleAccountService.stamp(hash).length());
        assertNotEquals(ConsoleAccountService.stamp(hash), ConsoleAccountService.stamp(PasswordHash.hash("first-password")),
                "a new salt, even for the same password, is a new stamp");
        assertFalse(hash.contains(ConsoleAccountService.stamp(hash)));
    }
}
