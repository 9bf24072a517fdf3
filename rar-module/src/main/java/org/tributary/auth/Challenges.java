package org.tributary.auth;

import org.tributary.rtsp.header.AuthScheme;
import org.tributary.rtsp.header.DigestAlgorithm;
import org.tributary.rtsp.header.WwwAuthenticate;

import java.util.ArrayList;
import java.util.List;

/**
 * The WWW-Authenticate challenges of a 401: for Digest one SHA-256 and one MD5 challenge with
 * {@code qop="auth"} and a fresh nonce, for Basic one Basic challenge. SHA-256 comes first as RFC 7616
 * §3.7 asks; ffmpeg keeps the last Digest challenge it reads and only does MD5, so MD5 must come after.
 */
public final class Challenges {

    private final NonceIssuer nonces;

    public Challenges(NonceIssuer nonces) {
        this.nonces = nonces;
    }

    public List<WwwAuthenticate> forRealm(String realm, List<AuthScheme> schemes, boolean stale) {
        List<WwwAuthenticate> challenges = new ArrayList<>();
        for (AuthScheme scheme : schemes) {
            if (scheme == AuthScheme.DIGEST) {
                String nonce = nonces.issue();
                challenges.add(WwwAuthenticate.digest(realm, nonce, null, DigestAlgorithm.SHA_256, stale));
                challenges.add(WwwAuthenticate.digest(realm, nonce, null, DigestAlgorithm.MD5, stale));
            } else {
                challenges.add(WwwAuthenticate.basic(realm));
            }
        }
        return challenges;
    }
}
