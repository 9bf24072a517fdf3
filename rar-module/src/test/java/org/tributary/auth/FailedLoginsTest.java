package org.tributary.auth;

import org.junit.jupiter.api.Test;
import org.tributary.rtsp.header.AuthScheme;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FailedLoginsTest {

    private final AtomicLong now = new AtomicLong(1_000_000);
    /** Slowed past 2 failures (100 ms each), an address refused at 4, for 30 s. */
    private final AuthSettings settings = new AuthSettings(List.of(AuthScheme.DIGEST), 60, 2, 100, 4, 30);

    @Test
    void failuresAreSlowedThenTheAddressIsRefusedForAWhile() {
        FailedLogins logins = new FailedLogins(settings, now::get);
        assertEquals(0, logins.failed("10.0.0.1", "a"));
        assertEquals(0, logins.failed("10.0.0.1", "b"));
        assertEquals(100, logins.failed("10.0.0.1", "c"), "the address count slows a spray over many names");
        assertFalse(logins.lockedOut("10.0.0.1"));
        assertEquals(200, logins.failed("10.0.0.1", "d"));
        assertTrue(logins.lockedOut("10.0.0.1"));
        assertFalse(logins.lockedOut("10.0.0.2"), "other addresses are not affected");
        now.addAndGet(30_001);
        assertFalse(logins.lockedOut("10.0.0.1"), "the lockout ends");
        assertEquals(0, logins.failures("10.0.0.1"), "and the count starts again");
        assertEquals(0, logins.failed("10.0.0.1", "e"));
    }

    @Test
    void oneNameGuessedFromManyAddressesIsSlowedButNeverLocked() {
        FailedLogins logins = new FailedLogins(settings, now::get);
        assertEquals(0, logins.failed("10.0.0.1", "alice"));
        assertEquals(0, logins.failed("10.0.0.2", "alice"));
        assertEquals(100, logins.failed("10.0.0.3", "Alice"), "names are counted without case");
        assertEquals(200, logins.failed("10.0.0.4", "alice"));
        assertEquals(300, logins.failed("10.0.0.5", "alice"));
        assertEquals(5, logins.userFailures("alice"));
        for (int i = 1; i <= 5; i++) {
            assertFalse(logins.lockedOut("10.0.0." + i), "a guessed name locks no address, and no user");
        }
        assertEquals(0, logins.failed("10.0.0.9", "bob"), "another name from a fresh address is not slowed");
    }

    @Test
    void aSuccessClearsThatUsersCountAndNothingOfTheAddress() {
        FailedLogins logins = new FailedLogins(settings, now::get);
        logins.failed("10.0.0.1", "alice");
        logins.failed("10.0.0.1", "bob");
        logins.failed("10.0.0.2", "bob");
        logins.succeeded("10.0.0.1", "alice");
        assertEquals(0, logins.userFailures("alice"));
        assertEquals(2, logins.userFailures("bob"), "another user's count stays");
        assertEquals(2, logins.failures("10.0.0.1"), "the address keeps every failure counted from it");
        assertEquals(100, logins.failed("10.0.0.1", "carol"), "so guessing from it stays slow");
    }

    @Test
    void theDelayIsCapped() {
        AuthSettings slow = new AuthSettings(List.of(AuthScheme.DIGEST), 60, 1, 2000, 100, 30);
        FailedLogins logins = new FailedLogins(slow, now::get);
        for (int i = 0; i < 5; i++) {
            logins.failed("10.0.0.1", "u");
        }
        assertEquals(2000, logins.failed("10.0.0.1", "u"));
    }

    @Test
    void failuresOlderThanTheWindowAreForgotten() {
        FailedLogins logins = new FailedLogins(settings, now::get);
        logins.failed("10.0.0.1", "alice");
        logins.failed("10.0.0.2", "alice");
        now.addAndGet(30_001);
        assertEquals(0, logins.userFailures("alice"));
        assertEquals(0, logins.failed("10.0.0.3", "alice"));
    }

    @Test
    void anUnnamedFailureCountsForTheAddressOnly() {
        FailedLogins logins = new FailedLogins(settings, now::get);
        logins.failed("10.0.0.1", null);
        assertEquals(1, logins.failures("10.0.0.1"));
    }
}
