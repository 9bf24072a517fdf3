package org.tributary.auth;

import static org.junit.jupiter.api.Assertions.assertFalse;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import org.tributary.api.access.Credentials;
import org.tributary.rtsp.header.DigestAlgorithm;
import org.tributary.api.access.DigestMath;
import org.tributary.api.access.UserHashes;
import org.tributary.rtsp.header.HeaderParseException;

/**
 * An {@code Authorization} header value as the adapter checks it: parsed into {@link Credentials}
 * ({@link AuthorizationReader}), then verified by the shared Digest helpers ({@link DigestMath},
 * {@link DigestAlgorithm}) against a user whose password the fuzzer does not know. The header
 * may be refused with {@link HeaderParseException}; anything else thrown is a bug, and so is a
 * verification that succeeds.
 */
class AuthorizationReaderFuzzTest {

    private static final String REALM = "Tributary";
    private static final UserHashes CAROL = new UserHashes("carol", REALM,
            DigestMath.ha1(DigestAlgorithm.MD5, "carol", REALM, "a password no input contains 9f3b"),
            DigestMath.ha1(DigestAlgorithm.SHA_256, "carol", REALM, "a password no input contains 9f3b"));

    @FuzzTest
    void verify(byte[] data) {
        String header = new String(data, StandardCharsets.ISO_8859_1);
        Credentials credentials;
        try {
            credentials = AuthorizationReader.read(header, "DESCRIBE");
        } catch (HeaderParseException refused) {
            return;
        }
        DigestAlgorithm.ofToken(credentials.algorithm());
        UserHashes claimed = new UserHashes(credentials.user(), REALM, CAROL.ha1Md5(), CAROL.ha1Sha256());
        assertFalse(DigestMath.verify(credentials, claimed), "credentials verified without the password");
    }
}
