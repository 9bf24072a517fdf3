package org.tributary.ejb.access;

import org.junit.jupiter.api.Test;
import org.tributary.api.access.AccessAction;
import org.tributary.api.access.AccessDecision.Outcome;
import org.tributary.api.access.AccessRequest;
import org.tributary.rtsp.header.AuthScheme;
import org.tributary.api.access.Credentials;
import org.tributary.rtsp.header.DigestAlgorithm;
import org.tributary.api.access.DigestMath;
import org.tributary.api.access.UserHashes;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AccessPolicyTest {

    private static final String REALM = "Streaming Server";

    static UserHashes user(String name, String password) {
        return new UserHashes(name, REALM, DigestMath.ha1(DigestAlgorithm.MD5, name, REALM, password),
                DigestMath.ha1(DigestAlgorithm.SHA_256, name, REALM, password));
    }

    static Directory directory(Map<String, UserHashes> users, Map<String, Set<String>> groups, String broadcaster) {
        return new Directory() {
            @Override
            public UserHashes hashes(String u) {
                return users.get(u);
            }

            @Override
            public Set<String> groupsOf(String u) {
                return groups.getOrDefault(u, Set.of());
            }

            @Override
            public boolean broadcasts(String u, String path) {
                return u.equals(broadcaster) && path.startsWith("live/");
            }
        };
    }

    private final Directory directory = directory(Map.of("ann", user("ann", "a1"), "ben", user("ben", "b1")),
            Map.of("ann", Set.of("staff")), "ben");

    private final List<AccessRule> rules = List.of(
            rule("staff", Permission.listed(List.of(), List.of("staff")), List.of(), List.of("192.0.2.0/24")),
            rule("staff/open", Permission.of(Audience.ANYONE), List.of(), List.of()),
            rule("members", Permission.of(Audience.ANY_USER), List.of("10.0.0.0/8"), List.of()),
            rule("live", Permission.of(Audience.ANYONE), List.of(), List.of()));

    static AccessRule rule(String prefix, Permission read, List<String> allow, List<String> deny) {
        AccessRule r = new AccessRule(prefix, read, Permission.of(Audience.NOBODY));
        r.setAddressBlocks(allow, deny);
        return r;
    }

    private Outcome decide(String path, String address, Credentials c) {
        return AccessPolicy.decide(new AccessRequest("rtsp", AccessAction.READ, path, address, null, c), rules, directory)
                .outcome();
    }

    @Test
    void groupMembersReadOthersAreRefusedAndStrangersChallenged() {
        assertEquals(Outcome.ALLOW, decide("staff/a.mp4", "10.1.1.1", Credentials.basic("ann", "a1")));
        assertEquals(Outcome.DENY, decide("staff/a.mp4", "10.1.1.1", Credentials.basic("ben", "b1")), "not in staff");
        assertEquals(Outcome.CHALLENGE, decide("staff/a.mp4", "10.1.1.1", null));
        assertEquals(Outcome.CHALLENGE, decide("staff/a.mp4", "10.1.1.1", Credentials.basic("ann", "wrong")));
        assertEquals(Outcome.CHALLENGE, decide("staff/a.mp4", "10.1.1.1", Credentials.basic("nobody", "x")));
    }

    @Test
    void aDeniedAddressIsRefusedEvenWithTheRightPassword() {
        assertEquals(Outcome.DENY, decide("staff/a.mp4", "192.0.2.7", Credentials.basic("ann", "a1")));
        assertEquals(Outcome.DENY, decide("members/a.mp4", "172.16.0.1", Credentials.basic("ben", "b1")), "outside allow list");
        assertEquals(Outcome.ALLOW, decide("members/a.mp4", "10.9.9.9", Credentials.basic("ben", "b1")));
    }

    @Test
    void aDeeperRuleOverridesAndUncoveredPathsAreOpen() {
        assertEquals(Outcome.ALLOW, decide("staff/open/a.mp4", "10.1.1.1", null));
        assertEquals(Outcome.ALLOW, decide("public/a.mp4", "10.1.1.1", null));
    }

    @Test
    void theAuthenticatedDecisionCarriesTheUserAndHisHashes() {
        var d = AccessPolicy.decide(new AccessRequest("rtsp", AccessAction.READ, "staff/a.mp4", "10.1.1.1", null,
                Credentials.basic("ann", "a1")), rules, directory);
        assertEquals("ann", d.user());
        assertEquals(directory.hashes("ann"), d.hashes());
        assertNull(AccessPolicy.decide(new AccessRequest("rtsp", AccessAction.READ, "staff/a.mp4", "10.1.1.1", null,
                Credentials.basic("ann", "bad")), rules, directory).hashes(), "no hashes for a failed login");
    }

    @Test
    void publishingNeedsAWritePermissionOrABroadcasterAccount() {
        AccessRequest announce = new AccessRequest("rtsp", AccessAction.WRITE, "live/cam", "10.1.1.1", null,
                Credentials.basic("ben", "b1"));
        assertEquals(Outcome.ALLOW, AccessPolicy.decide(announce, rules, directory).outcome(), "ben is a broadcaster");
        AccessRequest byAnn = new AccessRequest("rtsp", AccessAction.WRITE, "live/cam", "10.1.1.1", null,
                Credentials.basic("ann", "a1"));
        assertEquals(Outcome.DENY, AccessPolicy.decide(byAnn, rules, directory).outcome());
        assertEquals(Outcome.CHALLENGE, AccessPolicy.decide(new AccessRequest("rtsp", AccessAction.WRITE, "live/cam",
                "10.1.1.1", null), rules, directory).outcome());
    }

    @Test
    void theRuleSchemeIsOffered() {
        AccessRule basicOnly = rule("b", Permission.of(Audience.ANY_USER), List.of(), List.of());
        basicOnly.setScheme(AuthScheme.BASIC);
        var d = AccessPolicy.decide(new AccessRequest("rtsp", AccessAction.READ, "b/x", "10.1.1.1", null),
                List.of(basicOnly), directory);
        assertEquals(List.of(AuthScheme.BASIC), d.schemes());
        assertEquals(REALM, d.realm());
    }

    @Test
    void cidrBlocks() {
        assertTrue(CidrBlock.parse("10.0.0.0/8").contains("10.255.1.2"));
        assertFalse(CidrBlock.parse("10.0.0.0/8").contains("11.0.0.1"));
        assertTrue(CidrBlock.parse("192.168.1.128/25").contains("192.168.1.200"));
        assertFalse(CidrBlock.parse("192.168.1.128/25").contains("192.168.1.127"));
        assertTrue(CidrBlock.parse("127.0.0.1").contains("127.0.0.1"));
        assertTrue(CidrBlock.parse("2001:db8::/32").contains("2001:db8::1"));
        assertFalse(CidrBlock.parse("2001:db8::/32").contains("10.0.0.1"));
        assertTrue(CidrBlock.parse("0.0.0.0/0").contains("8.8.8.8"));
        assertThrows(IllegalArgumentException.class, () -> CidrBlock.parse("10.0.0.0/33"));
        assertThrows(IllegalArgumentException.class, () -> CidrBlock.parse("example.com/8"));
    }
}
