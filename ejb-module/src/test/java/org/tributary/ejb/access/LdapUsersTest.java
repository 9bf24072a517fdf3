package org.tributary.ejb.access;

import org.junit.jupiter.api.Test;
import org.tributary.api.access.AccessAction;
import org.tributary.api.access.AccessDecision;
import org.tributary.api.access.AccessDecision.Outcome;
import org.tributary.api.access.AccessRequest;
import org.tributary.api.access.Credentials;
import org.tributary.ejb.ldap.DirectoryUnavailableException;
import org.tributary.ejb.ldap.LdapUser;
import org.tributary.rtsp.header.AuthScheme;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Decisions over local users with an LDAP directory behind them (a fake one: LdapDirectoryTest has the real search). */
class LdapUsersTest {

    private static final String REALM = "Streaming Server";

    private final Directory local = AccessPolicyTest.directory(Map.of("ann", AccessPolicyTest.user("ann", "a1")),
            Map.of("ann", Set.of("staff")), null);
    private final AtomicInteger directoryCalls = new AtomicInteger();
    private final LdapUsers.Logins ldap = (name, password) -> {
        directoryCalls.incrementAndGet();
        if (name.equals("down")) {
            throw new DirectoryUnavailableException("LDAP at ldap://dir did not answer", null);
        }
        return name.equals("lee") && password.equals("l1")
                ? Optional.of(new LdapUser("lee", "uid=lee,dc=example", Set.of("video")))
                : Optional.empty();
    };
    private final List<AccessRule> rules = List.of(
            AccessPolicyTest.rule("video", Permission.listed(List.of(), List.of("video")), List.of(), List.of()),
            AccessPolicyTest.rule("staff", Permission.listed(List.of(), List.of("staff")), List.of(), List.of()));

    private AccessDecision decide(String path, Credentials credentials) {
        AccessRequest request = new AccessRequest("rtsp", AccessAction.READ, path, "10.0.0.1", null, credentials);
        return AccessPolicy.decide(request, rules, new LdapUsers(local, ldap, credentials, REALM));
    }

    @Test
    void aDirectoryUserInANamedGroupPlaysWithBasic() {
        AccessDecision decision = decide("video/a.mp4", Credentials.basic("lee", "l1"));
        assertEquals(Outcome.ALLOW, decision.outcome(), decision.reason());
        assertEquals("lee", decision.hashes().user());
        assertEquals(REALM, decision.hashes().realm());
    }

    @Test
    void aDirectoryUserOutsideTheGroupIsRefusedAndAWrongPasswordChallenged() {
        assertEquals(Outcome.DENY, decide("staff/a.mp4", Credentials.basic("lee", "l1")).outcome());
        assertEquals(Outcome.CHALLENGE, decide("video/a.mp4", Credentials.basic("lee", "wrong")).outcome());
    }

    @Test
    void localUsersAreNotSentToTheDirectory() {
        assertEquals(Outcome.ALLOW, decide("staff/a.mp4", Credentials.basic("ann", "a1")).outcome());
        assertEquals(Outcome.CHALLENGE, decide("staff/a.mp4", Credentials.basic("ann", "wrong")).outcome());
        assertEquals(0, directoryCalls.get());
    }

    @Test
    void aDirectoryUserAnsweringWithDigestIsChallengedWithoutAskingTheDirectory() {
        Credentials digest = new Credentials(AuthScheme.DIGEST, "lee", null, REALM, "n", "rtsp://h/video/a.mp4",
                "0123", "MD5", null, null, null, "DESCRIBE");
        assertEquals(Outcome.CHALLENGE, decide("video/a.mp4", digest).outcome());
        assertEquals(0, directoryCalls.get());
    }

    @Test
    void aDirectoryThatIsDownLeavesAChallenge() {
        AccessDecision decision = decide("video/a.mp4", Credentials.basic("down", "x"));
        assertEquals(Outcome.CHALLENGE, decision.outcome());
        assertTrue(decision.reason().contains("down"), decision.reason());
    }
}
