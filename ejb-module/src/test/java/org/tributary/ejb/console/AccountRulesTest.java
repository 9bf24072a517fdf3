package org.tributary.ejb.console;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AccountRulesTest {

    @Test
    void aGoodNewAccountHasNoProblems() {
        assertTrue(AccountRules.newAccount("ann.o@site", false, "operator", "long-enough", "long-enough").isEmpty());
    }

    @Test
    void eachBadFieldGetsItsOwnMessage() {
        Map<String, String> problems = AccountRules.newAccount("ann smith", false, "root", "short", "short");
        assertEquals(AccountRules.NAME_RULE, problems.get("name"));
        assertEquals("Choose admin, operator or viewer.", problems.get("role"));
        assertEquals(AccountRules.PASSWORD_RULE, problems.get("password"));
        assertEquals(3, problems.size());
    }

    @Test
    void aTakenNameAndDifferingPasswordsAreRefused() {
        Map<String, String> problems = AccountRules.newAccount("ann", true, "viewer", "long-enough", "long-enougH");
        assertEquals("There is a console account 'ann' already.", problems.get("name"));
        assertEquals("The two passwords differ.", problems.get("passwordAgain"));
        assertNull(problems.get("password"));
    }

    @Test
    void aNewAccountNeedsAPasswordAnEditDoesNot() {
        assertNotNull(AccountRules.newAccount("ann", false, "viewer", "", "").get("password"));
        assertTrue(AccountRules.newPassword("password", "", "passwordAgain", "", false).isEmpty());
        assertTrue(AccountRules.newPassword("password", null, "passwordAgain", null, false).isEmpty());
        // Only the repetition filled in: still a (too short) password, not "keep it".
        assertEquals(AccountRules.PASSWORD_RULE,
                AccountRules.newPassword("password", "", "passwordAgain", "something-long", false).get("password"));
        assertEquals(AccountRules.PASSWORD_RULE,
                AccountRules.newPassword("password", "x".repeat(256), "passwordAgain", "x".repeat(256), false).get("password"));
    }

    @Test
    void anAdminCannotDemoteItselfNorTheLastAdmin() {
        assertNotNull(AccountRules.roleChange("root", "root", ConsoleRole.ADMIN, ConsoleRole.VIEWER, 3));
        assertNotNull(AccountRules.roleChange("root", "other", ConsoleRole.ADMIN, ConsoleRole.OPERATOR, 1));
        assertNull(AccountRules.roleChange("root", "other", ConsoleRole.ADMIN, ConsoleRole.OPERATOR, 2));
        assertNull(AccountRules.roleChange("root", "root", ConsoleRole.ADMIN, ConsoleRole.ADMIN, 1), "no change");
        assertNull(AccountRules.roleChange("root", "op", ConsoleRole.OPERATOR, ConsoleRole.VIEWER, 1));
        assertNull(AccountRules.roleChange("root", "op", ConsoleRole.VIEWER, ConsoleRole.ADMIN, 1));
    }

    @Test
    void anAdminCannotDeleteItselfNorTheLastAdmin() {
        assertEquals("You cannot delete your own account: another admin has to.",
                AccountRules.deletion("root", "root", ConsoleRole.ADMIN, 4));
        assertNotNull(AccountRules.deletion("root", "other", ConsoleRole.ADMIN, 1));
        assertNull(AccountRules.deletion("root", "other", ConsoleRole.ADMIN, 2));
        assertNull(AccountRules.deletion("root", "viewer1", ConsoleRole.VIEWER, 1));
    }

    @Test
    void theMessagesAreTheSharedBundlesTexts() {
        assertEquals("1 to 64 letters, digits, '.', '_', '-' or '@'.", AccountRules.nameProblem("ann smith"));
        assertNull(AccountRules.nameProblem("ann"));
        assertEquals("At least 8 and at most 255 characters.", AccountRules.passwordProblem("short"));
        assertEquals("A password is needed. At least 8 and at most 255 characters.",
                AccountRules.newAccount("ann", false, "viewer", null, null).get("password"));
        assertEquals("'other' is the last admin and cannot be deleted.",
                AccountRules.deletion("root", "other", ConsoleRole.ADMIN, 1));
    }

    @Test
    void rolesFromTheSelect() {
        assertEquals(ConsoleRole.OPERATOR, AccountRules.role("operator"));
        assertNull(AccountRules.role("superuser"));
        assertNull(AccountRules.role(null));
    }
}
