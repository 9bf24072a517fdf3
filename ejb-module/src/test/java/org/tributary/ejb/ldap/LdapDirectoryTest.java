package org.tributary.ejb.ldap;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Logins against an in-memory directory loaded from ldap/directory.ldif, on a free local port. */
class LdapDirectoryTest {

    private static InMemoryDirectoryServer server;

    @BeforeAll
    static void startDirectory() throws Exception {
        InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig("dc=example,dc=com");
        config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("ldap",
                InetAddress.getLoopbackAddress(), 0, null));
        config.setSchema(null);
        server = new InMemoryDirectoryServer(config);
        server.importFromLDIF(true, LdapDirectoryTest.class.getResource("/ldap/directory.ldif").getPath());
        server.startListening();
    }

    @AfterAll
    static void stopDirectory() {
        server.shutDown(true);
    }

    private static LdapDirectory directory(String url) {
        Properties p = new Properties();
        p.setProperty("tributary.ldap.url", url);
        p.setProperty("tributary.ldap.bind-dn", "uid=svc,ou=people,dc=example,dc=com");
        p.setProperty("tributary.ldap.bind-password", "svc-secret");
        p.setProperty("tributary.ldap.user-base", "ou=people,dc=example,dc=com");
        p.setProperty("tributary.ldap.group-base", "ou=groups,dc=example,dc=com");
        p.setProperty("tributary.ldap.timeout-millis", "2000");
        return new LdapDirectory(LdapConfig.from(p).orElseThrow());
    }

    private static LdapDirectory directory() {
        return directory("ldap://127.0.0.1:" + server.getListenPort());
    }

    @Test
    void aRightPasswordGivesTheUserWithItsGroups() throws Exception {
        LdapUser alice = directory().authenticate("alice", "alice-secret").orElseThrow();
        assertEquals("uid=alice,ou=people,dc=example,dc=com", alice.dn());
        assertEquals(Set.of("tributary-admins", "viewers"), alice.groups());
        assertEquals(Set.of("viewers"), directory().authenticate("bob", "bob-secret").orElseThrow().groups());
    }

    @Test
    void aWrongPasswordAnUnknownNameAndAnEmptyPasswordAreRefused() throws Exception {
        assertEquals(Optional.empty(), directory().authenticate("alice", "bob-secret"));
        assertEquals(Optional.empty(), directory().authenticate("carol", "alice-secret"));
        assertEquals(Optional.empty(), directory().authenticate("alice", ""));
    }

    @Test
    void aWildcardNameMatchesNobody() throws Exception {
        assertEquals(Optional.empty(), directory().authenticate("*", "alice-secret"));
        assertEquals(Optional.empty(), directory().authenticate("al*", "alice-secret"));
    }

    @Test
    void aDirectoryThatIsDownIsReportedNotTakenAsARefusal() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        DirectoryUnavailableException e = assertThrows(DirectoryUnavailableException.class,
                () -> directory("ldap://127.0.0.1:" + closedPort).authenticate("alice", "alice-secret"));
        assertTrue(e.getMessage().contains("127.0.0.1:" + closedPort), e.getMessage());
    }

    @Test
    void aWrongServicePasswordIsReportedAsUnavailable() {
        Properties p = new Properties();
        p.setProperty("tributary.ldap.url", "ldap://127.0.0.1:" + server.getListenPort());
        p.setProperty("tributary.ldap.bind-dn", "uid=svc,ou=people,dc=example,dc=com");
        p.setProperty("tributary.ldap.bind-password", "wrong");
        LdapDirectory directory = new LdapDirectory(LdapConfig.from(p).orElseThrow());
        assertThrows(DirectoryUnavailableException.class, () -> directory.authenticate("alice", "alice-secret"));
    }
}
