package org.tributary.auth;

import org.junit.jupiter.api.Test;
import org.tributary.api.access.AccessAction;
import org.tributary.api.access.AccessDecision;
import org.tributary.api.access.AccessRequest;
import org.tributary.rtsp.header.AuthScheme;
import org.tributary.api.access.Credentials;
import org.tributary.rtsp.header.DigestAlgorithm;
import org.tributary.api.access.DigestMath;
import org.tributary.api.access.UserHashes;
import org.tributary.rtsp.header.WwwAuthenticate;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AccessGuardTest {

    private static final String REALM = "Streaming Server";
    private static final String URI = "rtsp://127.0.0.1:8554/secret/a.mp4";
    private static final UserHashes ALICE = new UserHashes("alice", REALM,
            DigestMath.ha1(DigestAlgorithm.MD5, "alice", REALM, "wonder"),
            DigestMath.ha1(DigestAlgorithm.SHA_256, "alice", REALM, "wonder"));

    private final AtomicLong now = new AtomicLong(5_000_000);
    private final AtomicInteger asked = new AtomicInteger();
    private final AuthSettings settings = new AuthSettings(List.of(AuthScheme.DIGEST, AuthScheme.BASIC), 60, 2, 50, 5, 60);
    private final NonceIssuer nonces = new NonceIssuer(60, now::get);

    /** A policy: secret/ needs alice's credentials, in the given schemes. */
    private AccessGuard guard(List<AuthScheme> pathSchemes) {
        return guard(pathSchemes, settings);
    }

    private AccessGuard guard(List<AuthScheme> pathSchemes, AuthSettings settings) {
        return new AccessGuard(request -> {
            asked.incrementAndGet();
            Credentials c = request.credentials();
            if (c == null) {
                return AccessDecision.challenge("credentials needed", REALM, pathSchemes);
            }
            if (!DigestMath.verify(c, ALICE)) {
                return AccessDecision.challenge("wrong credentials", REALM, pathSchemes);
            }
            return AccessDecision.allow("alice may").inRealm(REALM, pathSchemes).forUser(ALICE);
        }, settings, nonces, new NonceCounts(60, now::get), new FailedLogins(settings, now::get));
    }

    private static AccessRequest request(Credentials c) {
        return new AccessRequest("rtsp", AccessAction.READ, "secret/a.mp4", "10.1.1.1", "test", c);
    }

    private static Credentials digest(String nonce, String nc, String password) {
        return digest(nonce, nc, password, "auth");
    }

    /** With {@code qop} null: an RFC 2069 answer (no nc, no cnonce), as live555 and GStreamer send. */
    private static Credentials digest(String nonce, String nc, String password, String qop) {
        String count = qop == null ? null : nc;
        String cnonce = qop == null ? null : "c0ffee";
        Credentials unsigned = new Credentials(AuthScheme.DIGEST, "alice", null, REALM, nonce, URI, null, "MD5", qop,
                count, cnonce, "DESCRIBE");
        String ha1 = DigestMath.ha1(DigestAlgorithm.MD5, "alice", REALM, password);
        String response = DigestMath.expectedResponse(unsigned, DigestAlgorithm.MD5, ha1);
        return new Credentials(AuthScheme.DIGEST, "alice", null, REALM, nonce, URI, response, "MD5", qop, count,
                cnonce, "DESCRIBE");
    }

    @Test
    void withoutCredentialsTheChallengeOffersSha256ThenMd5DigestThenBasic() {
        Verdict v = guard(List.of()).check(request(null), URI);
        assertEquals(Verdict.Kind.UNAUTHORIZED, v.kind());
        List<String> headers = v.challenges().stream().map(WwwAuthenticate::format).toList();
        assertEquals(3, headers.size(), headers.toString());
        assertTrue(headers.get(0).startsWith("Digest realm=\"Streaming Server\", nonce=\""), headers.get(0));
        assertTrue(headers.get(0).contains("algorithm=SHA-256, qop=\"auth\""), headers.get(0));
        assertTrue(headers.get(1).contains("algorithm=MD5, qop=\"auth\""), headers.get(1));
        assertEquals("Basic realm=\"Streaming Server\"", headers.get(2));
        assertEquals(NonceIssuer.State.VALID, nonces.check(WwwAuthenticate.parse(headers.get(0)).nonce()));
    }

    @Test
    void aFolderSchemeOverridesTheServerDefault() {
        List<String> headers = guard(List.of(AuthScheme.BASIC)).check(request(null), URI).challenges().stream()
                .map(WwwAuthenticate::format).toList();
        assertEquals(List.of("Basic realm=\"Streaming Server\""), headers);
        Verdict basicOnDigestFolder = guard(List.of(AuthScheme.DIGEST))
                .check(request(Credentials.basic("alice", "wonder")), URI);
        assertEquals(Verdict.Kind.UNAUTHORIZED, basicOnDigestFolder.kind(), "right password, wrong scheme");
    }

    @Test
    void rightDigestIsAllowedAndItsNonceCountCannotBeReplayed() {
        AccessGuard guard = guard(List.of());
        String nonce = nonces.issue();
        assertEquals(Verdict.Kind.ALLOWED, guard.check(request(digest(nonce, "00000001", "wonder")), URI).kind());
        assertEquals(Verdict.Kind.ALLOWED, guard.check(request(digest(nonce, "00000002", "wonder")), URI).kind());
        Verdict replay = guard.check(request(digest(nonce, "00000002", "wonder")), URI);
        assertEquals(Verdict.Kind.UNAUTHORIZED, replay.kind());
        assertTrue(replay.reason().contains("replayed"), replay.reason());
        assertEquals(2, asked.get(), "a replay is refused before the policy is asked");
    }

    @Test
    void anExpiredNonceGetsAStaleChallengeAndAnUnknownOneDoesNot() {
        AccessGuard guard = guard(List.of());
        String nonce = nonces.issue();
        now.addAndGet(61_000);
        Verdict stale = guard.check(request(digest(nonce, "00000001", "wonder")), URI);
        assertEquals(Verdict.Kind.UNAUTHORIZED, stale.kind());
        assertTrue(stale.challenges().stream().allMatch(c -> Boolean.TRUE.equals(c.stale())), stale.challenges().toString());
        Verdict unknown = guard.check(request(digest("bm90LW91cnM", "00000001", "wonder")), URI);
        assertTrue(unknown.challenges().stream().allMatch(c -> c.stale() == null));
        assertEquals(0, asked.get());
    }

    @Test
    void theDigestUriMustBeTheRequestUri() {
        Verdict v = guard(List.of()).check(request(digest(nonces.issue(), "00000001", "wonder")),
                "rtsp://127.0.0.1:8554/other.mp4");
        assertEquals(Verdict.Kind.UNAUTHORIZED, v.kind());
        assertTrue(AccessGuard.sameTarget("/secret/a.mp4", URI), "a path-only digest uri names the same target");
    }

    @Test
    void repeatedWrongPasswordsAreSlowedThenTheAddressIsRefused() {
        AccessGuard guard = guard(List.of());
        List<Long> holdBacks = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Verdict v = guard.check(request(digest(nonces.issue(), "00000001", "guess" + i)), URI);
            assertEquals(Verdict.Kind.UNAUTHORIZED, v.kind());
            holdBacks.add(v.holdBackMillis());
        }
        assertEquals(List.of(0L, 0L, 50L, 100L, 150L), holdBacks,
                "failures past the second are held back (by the connection, not by a sleeping thread)");
        Verdict locked = guard.check(request(digest(nonces.issue(), "00000001", "wonder")), URI);
        assertEquals(Verdict.Kind.FORBIDDEN, locked.kind(), "even the right password, while locked out");
        assertEquals("alice", locked.user());
    }

    @Test
    void aDigestAnswerWithoutQopGetsAFreshChallengeAndIsNotCounted() {
        AccessGuard guard = guard(List.of());
        Verdict v = guard.check(request(digest(nonces.issue(), null, "wonder", null)), URI);
        assertEquals(Verdict.Kind.UNAUTHORIZED, v.kind(), "even with the right password");
        assertTrue(v.reason().contains("without qop=auth"), v.reason());
        WwwAuthenticate fresh = v.challenges().get(0);
        assertEquals("auth", fresh.qop());
        assertEquals(NonceIssuer.State.VALID, nonces.check(fresh.nonce()));
        assertEquals(0, asked.get(), "refused before the policy is asked");
        assertEquals(0, v.holdBackMillis());
    }

    @Test
    void theCompatibilitySettingAcceptsDigestWithoutQop() {
        AuthSettings compatible = new AuthSettings(List.of(AuthScheme.DIGEST, AuthScheme.BASIC), 60, 2, 50, 5, 60, true);
        Verdict v = guard(List.of(), compatible).check(request(digest(nonces.issue(), null, "wonder", null)), URI);
        assertEquals(Verdict.Kind.ALLOWED, v.kind(), v.reason());
    }

    @Test
    void aSuccessClearsOnlyItsOwnUsersCount() {
        FailedLogins logins = new FailedLogins(settings, now::get);
        AccessGuard guard = new AccessGuard(request -> request.credentials().password().equals("right")
                ? AccessDecision.allow("ok").forUser(new UserHashes(request.user(), REALM, "x", "y"))
                : AccessDecision.challenge("wrong", REALM, List.of(AuthScheme.BASIC)), settings, nonces,
                new NonceCounts(60, now::get), logins);
        guard.check(request(Credentials.basic("bob", "guess")), URI);
        guard.check(request(Credentials.basic("bob", "guess2")), URI);
        assertEquals(Verdict.Kind.ALLOWED, guard.check(request(Credentials.basic("carol", "right")), URI).kind());
        assertEquals(2, logins.userFailures("bob"), "carol's success leaves bob's count");
        assertEquals(2, logins.failures("10.1.1.1"), "and the address's");
        Verdict third = guard.check(request(Credentials.basic("bob", "guess3")), URI);
        assertEquals(50, third.holdBackMillis(), "so the next guess is still slowed");
    }
}
