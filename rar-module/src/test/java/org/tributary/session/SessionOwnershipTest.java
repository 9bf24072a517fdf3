package org.tributary.session;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link RtspSession#belongsTo}: knowing a session's id is not enough to act on it. */
class SessionOwnershipTest {

    private static final InetSocketAddress CLIENT = new InetSocketAddress("10.0.0.1", 40000);
    private final Object connection = new Object();
    private final SessionRegistry registry = new SessionRegistry(60, 100);

    private RtspSession session(String user) throws SessionLimitException {
        return registry.create("clip.mp4", TestSources.oneTrack(), CLIENT, "test", user, connection);
    }

    private static InetAddress address(String text) throws Exception {
        return InetAddress.getByName(text);
    }

    @Test
    void theConnectionThatSetItUpMayUseIt() throws Exception {
        AtomicInteger asked = new AtomicInteger();
        Requester same = new Requester(connection, address("10.0.0.1"), path -> {
            asked.incrementAndGet();
            return null;
        });
        assertTrue(session("carol").belongsTo(same));
        assertEquals(0, asked.get(), "no credentials are checked on the owning connection");
    }

    @Test
    void anotherAddressMayNotEvenWithTheSameUser() throws Exception {
        RtspSession session = session("carol");
        assertFalse(session.belongsTo(Requester.of(new Object(), address("10.0.0.2"), "carol")));
        assertFalse(session("carol").belongsTo(Requester.of(new Object(), address("10.0.0.2"), null)));
        assertFalse(session(null).belongsTo(Requester.of(new Object(), address("10.0.0.2"), null)));
    }

    @Test
    void theSameAddressOnANewConnectionNeedsTheSameUser() throws Exception {
        RtspSession carols = session("carol");
        assertTrue(carols.belongsTo(Requester.of(new Object(), address("10.0.0.1"), "carol")));
        assertFalse(carols.belongsTo(Requester.of(new Object(), address("10.0.0.1"), "mallory")));
        assertFalse(carols.belongsTo(Requester.of(new Object(), address("10.0.0.1"), null)),
                "a request without credentials does not prove the user");
    }

    @Test
    void theUserIsCheckedForTheSessionsPresentation() throws Exception {
        RtspSession carols = session("carol");
        assertTrue(carols.belongsTo(new Requester(new Object(), address("10.0.0.1"),
                path -> path.equals("clip.mp4") ? "carol" : null)));
    }

    @Test
    void anAnonymousSessionAnswersItsAddressOnANewConnection() throws Exception {
        assertTrue(session(null).belongsTo(Requester.of(new Object(), address("10.0.0.1"), null)));
    }
}
