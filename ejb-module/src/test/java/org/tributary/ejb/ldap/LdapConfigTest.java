package org.tributary.ejb.ldap;

import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.Properties;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LdapConfigTest {

    private static Properties with(String... pairs) {
        Properties p = new Properties();
        for (int i = 0; i < pairs.length; i += 2) {
            p.setProperty("tributary.ldap." + pairs[i], pairs[i + 1]);
        }
        return p;
    }

    @Test
    void offWithoutAUrl() {
        assertEquals(Optional.empty(), LdapConfig.from(with()));
        assertEquals(Optional.empty(), LdapConfig.from(with("url", "  ")));
    }

    @Test
    void defaultsFitOpenLdap() {
        LdapConfig config = LdapConfig.from(with("url", "ldap://dir:389")).orElseThrow();
        assertEquals("(uid={0})", config.userFilter());
        assertEquals("(member={1})", config.groupFilter());
        assertEquals("cn", config.groupAttribute());
        assertEquals(1000, config.timeoutMillis());
    }

    @Test
    void aBadTimeoutNamesTheProperty() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LdapConfig.from(with("url", "ldap://dir", "timeout-millis", "0")));
        assertTrue(e.getMessage().contains("tributary.ldap.timeout-millis"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> LdapConfig.from(with("url", "ldap://dir", "timeout-millis", "soon")));
    }

    @Test
    void theHighestMappedGroupGivesTheRoleIgnoringCase() {
        LdapConfig config = LdapConfig.from(with("url", "ldap://dir", "admin-group", "Admins",
                "viewer-group", "staff")).orElseThrow();
        assertEquals(Optional.of("admin"), config.consoleRole(Set.of("staff", "admins")));
        assertEquals(Optional.of("viewer"), config.consoleRole(Set.of("staff")));
        assertEquals(Optional.empty(), config.consoleRole(Set.of("other")));
        assertEquals(Optional.empty(), config.consoleRole(Set.of("")));
    }
}
