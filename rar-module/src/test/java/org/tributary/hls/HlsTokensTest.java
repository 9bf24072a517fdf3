package org.tributary.hls;

import org.junit.jupiter.api.Test;
import org.tributary.api.HlsToken;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HlsTokensTest {

    private static final byte[] SECRET = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-04T12:00:00Z"));
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };
    private final HlsTokens tokens = new HlsTokens(SECRET, clock);

    @Test
    void aTokenIsValidForItsPathUntilItExpires() {
        HlsToken t = tokens.mint("movies/a.mp4", 600);
        assertTrue(t.token().startsWith((now.get().getEpochSecond() + 600) + "."), t.token());
        assertEquals(HlsTokens.Check.VALID, tokens.check("movies/a.mp4", t.token()));
        now.set(now.get().plus(Duration.ofSeconds(599)));
        assertEquals(HlsTokens.Check.VALID, tokens.check("movies/a.mp4", t.token()));
        now.set(now.get().plus(Duration.ofSeconds(1)));
        assertEquals(HlsTokens.Check.EXPIRED, tokens.check("movies/a.mp4", t.token()));
    }

    @Test
    void anotherPathAnotherSecretOrAnyChangedCharacterIsInvalid() {
        String t = tokens.mint("movies/a.mp4", 600).token();
        assertEquals(HlsTokens.Check.INVALID, tokens.check("movies/b.mp4", t));
        assertEquals(HlsTokens.Check.INVALID, new HlsTokens("another secret of thirty-two bytes!".getBytes(
                StandardCharsets.US_ASCII), clock).check("movies/a.mp4", t));
        String longer = (Long.parseLong(t.substring(0, t.indexOf('.'))) + 1) + t.substring(t.indexOf('.'));
        assertEquals(HlsTokens.Check.INVALID, tokens.check("movies/a.mp4", longer));
        char last = t.charAt(t.length() - 1);
        assertEquals(HlsTokens.Check.INVALID, tokens.check("movies/a.mp4",
                t.substring(0, t.length() - 1) + (last == 'A' ? 'B' : 'A')));
        for (String junk : new String[] {"", ".", "x.y", "123", "-5.abc", "99999999999999999999.abc"}) {
            assertEquals(HlsTokens.Check.INVALID, tokens.check("movies/a.mp4", junk), junk);
        }
    }

    @Test
    void lifetimesAndSecretsHaveLimits() {
        assertThrows(IllegalArgumentException.class, () -> tokens.mint("a.mp4", 59));
        assertThrows(IllegalArgumentException.class, () -> tokens.mint("a.mp4", 7 * 86_400 + 1));
        assertThrows(IllegalArgumentException.class, () -> new HlsTokens(new byte[31], clock));
        assertThrows(IllegalArgumentException.class, () -> HlsTokens.withSecret("too short", clock));
        assertEquals(HlsTokens.Check.INVALID, HlsTokens.withSecret(null, clock).check("a.mp4",
                tokens.mint("a.mp4", 60).token()), "a random secret is another secret");
    }
}
