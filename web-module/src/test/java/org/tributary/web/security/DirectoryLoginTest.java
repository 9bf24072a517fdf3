package org.tributary.web.security;

import jakarta.security.enterprise.CallerPrincipal;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DirectoryLoginTest {

    private static final String URL = "tributary.ldap.url";

    @AfterEach
    void ldapOff() {
        System.clearProperty(URL);
    }

    @Test
    void onlyTheLdapStoresResultsAreDirectoryLogins() {
        assertTrue(DirectoryLogin.validatedBy(new CredentialValidationResult(DirectoryLogin.STORE_ID,
                new CallerPrincipal("alice"), "uid=alice", null, Set.of("admin"))));
        assertFalse(DirectoryLogin.validatedBy(new CredentialValidationResult("alice", Set.of("admin"))));
    }

    @Test
    void aDirectoryLoginHoldsWhileLdapIsOn() {
        ConsoleLogin directory = new ConsoleLogin("alice", Set.of("viewer"), DirectoryLogin.STAMP);
        assertFalse(DirectoryLogin.holds(directory), "LDAP is off");
        System.setProperty(URL, "ldap://127.0.0.1:1");
        assertTrue(DirectoryLogin.holds(directory));
        assertFalse(DirectoryLogin.holds(new ConsoleLogin("alice", Set.of("viewer"), "some-account-stamp")));
    }
}
