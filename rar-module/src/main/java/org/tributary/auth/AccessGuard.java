package org.tributary.auth;

import org.tributary.api.access.AccessDecision;
import org.tributary.api.access.AccessRequest;
import org.tributary.rtsp.header.AuthScheme;
import org.tributary.api.access.Credentials;

import java.util.List;

/**
 * Puts authentication around an access decision: refuses addresses locked out by failed logins, checks
 * a Digest nonce (issued here, not expired, nonce count never reused) and the digest URI before asking,
 * then turns the decision into a {@link Verdict} with the right challenges, counting wrong credentials.
 * A 401 for wrong credentials past the failure threshold carries a hold-back time instead of sleeping here:
 * the connection sends it later, so guessing is slowed without tying up a request thread.
 */
public final class AccessGuard {

    private static final String FALLBACK_REALM = "Streaming Server";

    private final AccessCheck decisions;
    private final AuthSettings settings;
    private final NonceIssuer nonces;
    private final NonceCounts nonceCounts;
    private final FailedLogins failedLogins;
    private final Challenges challenges;
    /** The settings' default schemes, replaceable while running (the console's Settings page). */
    private volatile List<AuthScheme> defaultSchemes;

    public AccessGuard(AccessCheck decisions, AuthSettings settings, NonceIssuer nonces, NonceCounts nonceCounts,
                       FailedLogins failedLogins) {
        this.decisions = decisions;
        this.settings = settings;
        this.nonces = nonces;
        this.nonceCounts = nonceCounts;
        this.failedLogins = failedLogins;
        this.challenges = new Challenges(nonces);
        this.defaultSchemes = settings.defaultSchemes();
    }

    /** Schemes offered where a folder's rule names none, from now on. */
    public void defaultSchemes(List<AuthScheme> schemes) {
        if (schemes.isEmpty()) {
            throw new IllegalArgumentException("at least one authentication scheme");
        }
        this.defaultSchemes = List.copyOf(schemes);
    }

    public List<AuthScheme> defaultSchemes() {
        return defaultSchemes;
    }

    /** With the system clock. */
    public static AccessGuard standard(AccessCheck decisions, AuthSettings settings) {
        return new AccessGuard(decisions, settings, new NonceIssuer(settings.nonceSeconds(), System::currentTimeMillis),
                new NonceCounts(settings.nonceSeconds(), System::currentTimeMillis),
                new FailedLogins(settings, System::currentTimeMillis));
    }

    /**
     * @param request    the question, with the client's credentials if it sent any
     * @param requestUri the URI of the request line, which a Digest {@code uri} must name
     */
    public Verdict check(AccessRequest request, String requestUri) {
        Credentials credentials = request.credentials();
        String user = request.user();
        String client = request.clientAddress();
        if (failedLogins.lockedOut(client)) {
            return Verdict.forbidden("too many failed logins from " + client + "; refused for a while", user);
        }
        if (credentials != null && credentials.scheme() == AuthScheme.DIGEST) {
            Verdict refusal = checkDigestFreshness(credentials, requestUri, client);
            if (refusal != null) {
                return refusal;
            }
        }
        AccessDecision decision;
        try {
            decision = decisions.check(request);
        } catch (AccessCheck.AccessUnavailableException e) {
            return Verdict.unavailable(e.getMessage());
        }
        List<AuthScheme> schemes = decision.schemes().isEmpty() ? defaultSchemes : decision.schemes();
        String realm = decision.realm() == null ? FALLBACK_REALM : decision.realm();
        boolean authenticated = decision.user() != null;
        if (authenticated && !schemes.contains(credentials.scheme())) {
            return failed(client, credentials.scheme() + " is not accepted for this path", user, realm, schemes);
        }
        switch (decision.outcome()) {
            case ALLOW:
                if (authenticated) {
                    failedLogins.succeeded(client, decision.user());
                }
                return Verdict.allowed(decision.user());
            case DENY:
                if (authenticated) {
                    failedLogins.succeeded(client, decision.user());
                }
                return Verdict.forbidden(decision.reason(), user);
            default:
                if (credentials != null) {
                    return failed(client, decision.reason(), user, realm, schemes);
                }
                return Verdict.unauthorized(decision.reason(), null, challenges.forRealm(realm, schemes, false));
        }
    }

    private Verdict checkDigestFreshness(Credentials c, String requestUri, String client) {
        String realm = c.realm() == null ? FALLBACK_REALM : c.realm();
        List<AuthScheme> digest = List.of(AuthScheme.DIGEST);
        if (!"auth".equalsIgnoreCase(c.qop()) && !(c.qop() == null && settings.digestWithoutQop())) {
            // Not counted as a failed login: no password was tried, the answer is refused unread.
            return Verdict.unauthorized(c.qop() == null
                    ? "a Digest answer without qop=auth (RFC 2069 style) can be replayed; a new challenge asks for qop=auth"
                    : "a Digest qop other than auth is not supported", c.user(),
                    challenges.forRealm(realm, digest, false));
        }
        switch (nonces.check(c.nonce())) {
            case EXPIRED:
                return Verdict.unauthorized("stale nonce", c.user(), challenges.forRealm(realm, digest, true));
            case UNKNOWN:
                return failed(client, "a nonce this server did not issue", c.user(), realm, digest);
            default:
                break;
        }
        if (!sameTarget(c.uri(), requestUri)) {
            return failed(client, "the digest uri '" + c.uri() + "' is not the request URI", c.user(), realm, digest);
        }
        if (c.nc() != null && !nonceCounts.accept(c.nonce(), Long.parseLong(c.nc(), 16))) {
            return failed(client, "nonce count " + c.nc() + " replayed", c.user(), realm, digest);
        }
        return null;
    }

    private Verdict failed(String client, String reason, String user, String realm, List<AuthScheme> schemes) {
        long delay = failedLogins.failed(client, user);
        return Verdict.unauthorizedLater(reason, user, challenges.forRealm(realm, schemes, false), delay);
    }

    /** For a refusal's log line: " after N ms (failed logins)" when the answer is held back, else "". */
    public static String holdBackNote(Verdict verdict) {
        return verdict.holdBackMillis() > 0 ? " after " + verdict.holdBackMillis() + " ms (repeated failed logins)" : "";
    }

    /** Equal, or equal once "rtsp://host:port" is dropped from both (a client may hash the path only). */
    static boolean sameTarget(String digestUri, String requestUri) {
        return digestUri != null && requestUri != null
                && (digestUri.equals(requestUri) || withoutAuthority(digestUri).equals(withoutAuthority(requestUri)));
    }

    private static String withoutAuthority(String uri) {
        int scheme = uri.indexOf("://");
        if (scheme < 0) {
            return uri;
        }
        int slash = uri.indexOf('/', scheme + 3);
        return slash < 0 ? "/" : uri.substring(slash);
    }
}
