package org.tributary.ra;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tributary.api.SettingsOutcome;
import org.tributary.api.settings.SettingDescriptor;
import org.tributary.api.settings.SettingValues;
import org.tributary.api.settings.SettingsSchema;
import org.tributary.server.RtspServer;
import org.tributary.transport.UdpEndpoint;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Settings changes that move no socket: each changed live setting reaches its applier, and only those. */
class LiveSettingsTest {

    @TempDir
    Path media;

    private final List<String> applied = new ArrayList<>();

    /** No socket moves in these tests: a change that tried to move one would fail on the nulls. */
    private static final LiveSettings.Sockets NO_SOCKETS = new LiveSettings.Sockets() {
        @Override
        public RtspServer rtspServer() {
            return null;
        }

        @Override
        public RtspServer tunnelServer() {
            return null;
        }

        @Override
        public void startTunnelServer(ServerSocketChannel opened, InetSocketAddress address, int maxConnections) {
            throw new AssertionError("no tunnel starts here");
        }

        @Override
        public void replaceUdpEndpoint(UdpEndpoint next) {
            throw new AssertionError("no RTP port moves here");
        }
    };

    private static final SettingsCheck.Probe EVERY_PORT_FREE = new SettingsCheck.Probe() {
        @Override
        public String tcpPortProblem(InetAddress address, int port) {
            return null;
        }

        @Override
        public String udpPortProblem(InetAddress address, int port) {
            return null;
        }

        @Override
        public boolean isLocal(InetAddress address) {
            return address.isAnyLocalAddress() || address.isLoopbackAddress();
        }
    };

    private SettingValues configured() {
        return SettingValues.editableDefaults().with("mediaRoot", media.toString());
    }

    /** Every live setting records its name and new value when applied. */
    private LiveAppliers recording() {
        LiveAppliers appliers = new LiveAppliers();
        for (String name : SettingsSchema.ALL.stream().filter(d -> d.applied() == SettingDescriptor.Applied.LIVE)
                .map(SettingDescriptor::name).toList()) {
            appliers.on(name, s -> applied.add(name + "=" + s.text(name)));
        }
        return appliers;
    }

    private LiveSettings live() {
        return new LiveSettings(NO_SOCKETS, recording(), new SettingsCheck(EVERY_PORT_FREE), configured());
    }

    @Test
    void onlyTheChangedLiveSettingsAreAppliedAndTheRestartOnesWait() {
        LiveSettings live = live();
        SettingsOutcome outcome = live.apply(configured().withAll(Map.of("rtspIdleTimeoutSeconds", "5",
                "maxSessions", "7", "rtpPort", "7000", "authSchemes", " BASIC ")), false);
        assertEquals(Map.of(), outcome.rejected());
        assertEquals(List.of("maxSessions", "rtspIdleTimeoutSeconds", "authSchemes"), outcome.appliedLive());
        assertEquals(List.of("rtpPort"), outcome.needRestart());
        assertEquals(List.of("maxSessions=7", "rtspIdleTimeoutSeconds=5", "authSchemes=basic"), applied,
                "each applier once, with the value spelled one way");
        assertEquals("7000", outcome.accepted().text("rtpPort"), "what to store");
        assertEquals("6970", live.running().text("rtpPort"), "the RTP port moves only at a restart");
        assertEquals("5", live.running().text("rtspIdleTimeoutSeconds"));
    }

    @Test
    void aBadFieldAppliesNothing() {
        LiveSettings live = live();
        SettingsOutcome outcome = live.apply(configured().withAll(Map.of("maxSessions", "7",
                "rtspIdleTimeoutSeconds", "0")), false);
        assertEquals(Map.of("rtspIdleTimeoutSeconds", "must be between 1 and 86400"), outcome.rejected());
        assertNull(outcome.accepted());
        assertEquals(List.of(), applied);
        assertEquals(configured(), live.running());
    }

    @Test
    void aDeployOnlySettingIsRefusedByName() {
        SettingsOutcome outcome = live().apply(configured().with("senderThreads", "4"), false);
        assertTrue(outcome.rejected().get("senderThreads").contains("not a setting an administrator may change"));
        assertEquals(List.of(), applied);
    }

    @Test
    void everyLiveSettingMustHaveAnApplier() {
        LiveAppliers none = new LiveAppliers();
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new LiveSettings(NO_SOCKETS, none, new SettingsCheck(EVERY_PORT_FREE), configured()));
        assertTrue(e.getMessage().contains("rtspIdleTimeoutSeconds"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> none.on("rtpPort", s -> { }), "a restart setting");
    }
}
