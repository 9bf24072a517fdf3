package org.tributary.auth;

import org.junit.jupiter.api.Test;
import org.tributary.api.access.AuthScheme;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FailedLoginsTest {

    private final AtomicLong now = new AtomicLong(1_000_000);
    private final AuthSettings settings = new AuthSettings(List.of(AuthScheme.DIGEST), 60, 2, 100, 4, 30);

    @Test
    void failuresAreSlowedThenTheAddressIsRefusedForAWhile() {
        FailedLogins logins = new FailedLogins(settings, now::get);
        assertEquals(0, logins.failed("10.0.0.1"));
        assertEquals(0, logins.failed("10.0.0.1"));
        assertEquals(100, logins.failed("10.0.0.1"));
        assertFalse(logins.lockedOut("10.0.0.1"));
        assertEquals(200, logins.failed("10.0.0.1"));
        assertTrue(logins.lockedOut("10.0.0.1"));
        assertFalse(logins.lockedOut("10.0.0.2"), "other addresses are not affected");
        now.addAndGet(30_001);
        assertFalse(logins.lockedOut("10.0.0.1"), "the lockout ends");
        assertEquals(0, logins.failed("10.0.0.1"), "and the count starts again");
    }

    @Test
    void aSuccessClearsTheAddress() {
        FailedLogins logins = new FailedLogins(settings, now::get);
        logins.failed("10.0.0.1");
        logins.failed("10.0.0.1");
        logins.succeeded("10.0.0.1");
        assertEquals(0, logins.failures("10.0.0.1"));
    }

    @Test
    void theDelayIsCapped() {
        AuthSettings slow = new AuthSettings(List.of(AuthScheme.DIGEST), 60, 1, 2000, 100, 30);
        FailedLogins logins = new FailedLogins(slow, now::get);
        for (int i = 0; i < 5; i++) {
            logins.failed("10.0.0.1");
        }
        assertEquals(2000, logins.failed("10.0.0.1"));
    }
}
