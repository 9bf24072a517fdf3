package org.tributary.session;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SessionRegistryTest {

    private static final InetSocketAddress ALICE = new InetSocketAddress("10.0.0.1", 40000);
    private static final InetSocketAddress BOB = new InetSocketAddress("10.0.0.2", 40000);

    private static RtspSession create(SessionRegistry registry, InetSocketAddress client) throws SessionLimitException {
        return registry.create("clip.mp4", TestSources.oneTrack(), client, "test", null, new Object());
    }

    @Test
    void theLimitPerAddressRefusesThatAddressOnly() throws Exception {
        SessionRegistry registry = new SessionRegistry(60, 100);
        registry.maxPerAddress(2);
        create(registry, ALICE);
        create(registry, new InetSocketAddress("10.0.0.1", 40002)); // another port, the same address
        SessionLimitException refused = assertThrows(SessionLimitException.class, () -> create(registry, ALICE));
        assertTrue(refused.perAddress());
        assertTrue(refused.getMessage().contains("10.0.0.1"), refused.getMessage());
        create(registry, BOB);
        assertEquals(2, registry.countFor(ALICE.getAddress()));
        assertEquals(3, registry.size());
    }

    @Test
    void anEndedSessionFreesItsPlaceForTheAddress() throws Exception {
        SessionRegistry registry = new SessionRegistry(60, 100);
        registry.maxPerAddress(1);
        RtspSession first = create(registry, ALICE);
        assertThrows(SessionLimitException.class, () -> create(registry, ALICE));
        first.close("teardown");
        first.close("teardown"); // a second close must not free a second place
        assertEquals(0, registry.countFor(ALICE.getAddress()));
        create(registry, ALICE);
        assertThrows(SessionLimitException.class, () -> create(registry, ALICE));
    }

    @Test
    void zeroMeansNoLimitPerAddress() throws Exception {
        SessionRegistry registry = new SessionRegistry(60, 1000);
        registry.maxPerAddress(0);
        for (int i = 0; i < 500; i++) {
            create(registry, ALICE);
        }
        assertEquals(500, registry.countFor(ALICE.getAddress()));
    }

    @Test
    void theServerWideLimitIsNotAPerAddressRefusal() throws Exception {
        SessionRegistry registry = new SessionRegistry(60, 1);
        registry.maxPerAddress(10);
        create(registry, ALICE);
        SessionLimitException refused = assertThrows(SessionLimitException.class, () -> create(registry, BOB));
        assertFalse(refused.perAddress());
        assertEquals(0, registry.countFor(BOB.getAddress()), "a refused session takes no place");
    }

    @Test
    void idsAreSixtyFourRandomBitsAndUnique() throws Exception {
        SessionRegistry registry = new SessionRegistry(60, 10_000);
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 2000; i++) {
            String id = create(registry, new InetSocketAddress(InetAddress.getByAddress(
                    new byte[]{10, 1, (byte) (i >> 8), (byte) i}), 4000)).id();
            assertTrue(id.matches("[0-9A-F]{16}"), id);
            ids.add(id);
        }
        assertEquals(2000, ids.size());
    }

    @Test
    void boundToListsTheSessionsOfOneConnection() throws Exception {
        SessionRegistry registry = new SessionRegistry(60, 100);
        Object connection = new Object();
        RtspSession bound = create(registry, ALICE);
        bound.bindTo(connection);
        create(registry, ALICE);
        assertEquals(java.util.List.of(bound), registry.boundTo(connection));
    }
}
