package org.tributary.ra;

import org.tributary.api.SettingsOutcome;
import org.tributary.api.settings.SettingDescriptor;
import org.tributary.api.settings.SettingValues;
import org.tributary.api.settings.SettingsSchema;
import org.tributary.server.RtspServer;
import org.tributary.transport.UdpEndpoint;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.channels.ServerSocketChannel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Applies an administrator's settings to the running sockets. The settings are checked first
 * ({@link SettingsCheck}); then everything that can still fail (binding a new port) is tried; if anything
 * fails nothing changes, so the adapter never runs with half of a settings change. Sockets that live
 * sessions use (the RTP port pair, the bind address) change only at startup. Every other live setting that
 * changed is handed to its component through the {@link LiveAppliers} the composition root registered.
 */
final class LiveSettings {

    private static final Logger LOG = Logger.getLogger(LiveSettings.class.getName());
    /** The live settings applied by moving a listener here rather than by an applier. */
    static final List<String> SOCKET_SETTINGS = List.of("rtspPort", "httpTunnelPort");

    /** The listeners and the UDP endpoint a settings change may move. */
    interface Sockets {
        RtspServer rtspServer();

        /** The tunnel listener, or null when none was ever started. */
        RtspServer tunnelServer();

        /** Starts the tunnel listener on a socket opened by {@link RtspServer#openListener}. */
        void startTunnelServer(ServerSocketChannel opened, InetSocketAddress address, int maxConnections)
                throws IOException;

        /** Moves RTP to a new port pair (only at startup, when no session uses the old one). */
        void replaceUdpEndpoint(UdpEndpoint next);
    }

    private final Sockets sockets;
    private final LiveAppliers appliers;
    private final SettingsCheck check;
    private final SettingValues configured;
    private SettingValues running;

    LiveSettings(Sockets sockets, LiveAppliers appliers, SettingsCheck check, SettingValues configured) {
        List<String> missing = appliers.missing(SOCKET_SETTINGS);
        if (!missing.isEmpty()) {
            throw new IllegalStateException("live settings nothing applies: " + missing);
        }
        this.sockets = sockets;
        this.appliers = appliers;
        this.check = check;
        this.configured = configured;
        this.running = configured;
    }

    SettingValues configured() {
        return configured;
    }

    synchronized SettingValues running() {
        return running;
    }

    /** The new sockets a change needs, opened before anything is switched. */
    private static final class Opened {
        ServerSocketChannel rtsp;
        InetSocketAddress rtspAt;
        ServerSocketChannel tunnel;
        InetSocketAddress tunnelAt;
        UdpEndpoint udp;

        void closeAll() {
            close(rtsp);
            close(tunnel);
            if (udp != null) {
                udp.close();
            }
        }

        private static void close(ServerSocketChannel channel) {
            try {
                if (channel != null) {
                    channel.close();
                }
            } catch (IOException e) {
                LOG.fine("closing an unused listener: " + e.getMessage());
            }
        }
    }

    synchronized SettingsOutcome apply(SettingValues asked, boolean startup) {
        SettingValues now = running;
        List<String> unknown = asked.differencesFrom(asked.only(SettingsSchema.editableNames()));
        if (!unknown.isEmpty()) {
            Map<String, String> rejected = new LinkedHashMap<>();
            unknown.forEach(n -> rejected.put(n, "is not a setting an administrator may change"));
            return SettingsOutcome.rejected(rejected);
        }
        SettingValues complete = now.withAll(asked.asMap());
        Map<String, String> rejected = check.validate(complete, now);
        if (!rejected.isEmpty()) {
            return SettingsOutcome.rejected(rejected);
        }
        SettingValues wanted = SettingsCheck.normalized(complete);
        InetAddress address = resolve(wanted.text("rtspBindAddress"));
        boolean addressChanged = !wanted.text("rtspBindAddress").equals(now.text("rtspBindAddress"));
        // At startup the bind address applies to every socket; later only a restart moves them.
        InetAddress listenOn = startup ? address : resolve(now.text("rtspBindAddress"));
        boolean moveRtsp = wanted.integer("rtspPort") != now.integer("rtspPort") || (startup && addressChanged);
        boolean moveTunnel = wanted.integer("httpTunnelPort") != now.integer("httpTunnelPort")
                || (startup && addressChanged && wanted.integer("httpTunnelPort") != 0);
        boolean moveUdp = startup && (wanted.integer("rtpPort") != now.integer("rtpPort") || addressChanged);
        // A port held on one address cannot be bound on the wildcard address (nor the other way round):
        // moving to another address on the same port at startup releases the port first, and takes it back
        // if the change fails.
        List<Runnable> undo = new ArrayList<>();
        InetAddress oldAddress = resolve(now.text("rtspBindAddress"));
        if (startup && addressChanged && moveRtsp && wanted.integer("rtspPort") == now.integer("rtspPort")) {
            release(sockets.rtspServer(), new InetSocketAddress(oldAddress, now.integer("rtspPort")), undo);
        }
        RtspServer runningTunnel = sockets.tunnelServer();
        if (startup && addressChanged && moveTunnel && runningTunnel != null
                && wanted.integer("httpTunnelPort") == now.integer("httpTunnelPort")) {
            release(runningTunnel, new InetSocketAddress(oldAddress, now.integer("httpTunnelPort")), undo);
        }
        String rtspField = wanted.integer("rtspPort") != now.integer("rtspPort") ? "rtspPort" : "rtspBindAddress";
        String tunnelField = wanted.integer("httpTunnelPort") != now.integer("httpTunnelPort") ? "httpTunnelPort" : "rtspBindAddress";
        Opened opened = new Opened();
        try {
            if (moveRtsp) {
                opened.rtspAt = new InetSocketAddress(listenOn, wanted.integer("rtspPort"));
                opened.rtsp = RtspServer.openListener(opened.rtspAt);
            }
        } catch (IOException e) {
            rejected.put(rtspField, e.getMessage());
        }
        try {
            if (moveTunnel && wanted.integer("httpTunnelPort") != 0) {
                opened.tunnelAt = new InetSocketAddress(listenOn, wanted.integer("httpTunnelPort"));
                opened.tunnel = RtspServer.openListener(opened.tunnelAt);
            }
        } catch (IOException e) {
            rejected.putIfAbsent(tunnelField, e.getMessage());
        }
        try {
            if (moveUdp) {
                opened.udp = new UdpEndpoint(address, wanted.integer("rtpPort"), wanted.integer("rtpPort") + 1);
            }
        } catch (IOException e) {
            rejected.putIfAbsent(wanted.integer("rtpPort") != now.integer("rtpPort") ? "rtpPort" : "rtspBindAddress", e.getMessage());
        }
        if (!rejected.isEmpty()) {
            opened.closeAll();
            undo.forEach(Runnable::run);
            return SettingsOutcome.rejected(rejected);
        }
        List<String> live = new ArrayList<>();
        List<String> restart = new ArrayList<>();
        try {
            switchSockets(wanted, opened, live);
        } catch (IOException e) {
            opened.closeAll();
            rejected.put(moveRtsp ? "rtspPort" : "httpTunnelPort", e.getMessage());
            return new SettingsOutcome(live, List.of(), rejected, null);
        }
        Map<String, String> keptUntilRestart = new LinkedHashMap<>();
        for (SettingDescriptor d : SettingsSchema.editable()) {
            String name = d.name();
            if (wanted.text(name).equals(now.text(name))) {
                continue;
            }
            if (d.applied() == SettingDescriptor.Applied.RESTART) {
                // At startup no session uses the old sockets yet: the restart settings were applied above.
                (startup ? live : restart).add(name);
                if (!startup) {
                    keptUntilRestart.put(name, now.text(name));
                }
            } else if (!SOCKET_SETTINGS.contains(name) && appliers.apply(name, wanted)) {
                live.add(name);
            }
        }
        running = wanted.withAll(keptUntilRestart);
        if (!live.isEmpty() || !restart.isEmpty()) {
            LOG.info("settings changed" + (startup ? " at startup" : "") + ": in effect now " + live
                    + (restart.isEmpty() ? "" : "; after a restart " + restart));
        }
        return new SettingsOutcome(live, restart, Map.of(), wanted);
    }

    /** Stops a listener accepting, remembering how to listen again where it did. */
    private static void release(RtspServer server, InetSocketAddress was, List<Runnable> undo) {
        try {
            server.switchListener(null, was);
        } catch (RuntimeException e) {
            LOG.warning("could not release " + was + ": " + e.getMessage());
            return;
        }
        undo.add(() -> {
            try {
                server.switchListener(RtspServer.openListener(was), was);
            } catch (IOException e) {
                LOG.severe("could not listen on " + was + " again: " + e.getMessage());
            }
        });
    }

    private void switchSockets(SettingValues wanted, Opened opened, List<String> live) throws IOException {
        if (opened.rtsp != null) {
            sockets.rtspServer().switchListener(opened.rtsp, opened.rtspAt);
            opened.rtsp = null;
            live.add("rtspPort");
        }
        RtspServer tunnel = sockets.tunnelServer();
        if (wanted.integer("httpTunnelPort") != running.integer("httpTunnelPort")) {
            if (opened.tunnel == null) {
                if (tunnel != null) {
                    tunnel.switchListener(null, null); // port 0: no tunnel listener; open tunnels finish normally
                }
            } else if (tunnel == null) {
                sockets.startTunnelServer(opened.tunnel, opened.tunnelAt, wanted.integer("maxConnections"));
            } else {
                tunnel.switchListener(opened.tunnel, opened.tunnelAt);
            }
            opened.tunnel = null;
            live.add("httpTunnelPort");
        } else if (opened.tunnel != null) {
            tunnel.switchListener(opened.tunnel, opened.tunnelAt); // same port, new address (startup)
            opened.tunnel = null;
        }
        if (opened.udp != null) {
            sockets.replaceUdpEndpoint(opened.udp);
            opened.udp = null;
        }
    }

    /** An address that passed {@link SettingsCheck} (a literal of this host): parsed, never looked up. */
    private static InetAddress resolve(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("a checked address did not parse: " + literal, e);
        }
    }
}
