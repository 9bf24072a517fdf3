package org.tributary.ra;

import org.tributary.api.RuntimeSettings;
import org.tributary.api.SettingsOutcome;
import org.tributary.rtsp.header.AuthScheme;
import org.tributary.auth.AuthSettings;
import org.tributary.mp3http.Mp3HttpSettings;
import org.tributary.server.RtspServer;
import org.tributary.transport.UdpEndpoint;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Applies an administrator's settings to the running adapter. Everything that can fail (binding a new
 * port, resolving an address, finding the media folder) is tried first; if anything fails nothing changes,
 * so the adapter never runs with half of a settings change. Sockets that live sessions use (the RTP port
 * pair, the bind address) change only at startup.
 */
final class LiveSettings {

    private static final Logger LOG = Logger.getLogger(LiveSettings.class.getName());

    private final TributaryResourceAdapter adapter;
    private final RuntimeSettings configured;
    private RuntimeSettings running;

    LiveSettings(TributaryResourceAdapter adapter, RuntimeSettings configured) {
        this.adapter = adapter;
        this.configured = configured;
        this.running = configured;
    }

    RuntimeSettings configured() {
        return configured;
    }

    synchronized RuntimeSettings running() {
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

    synchronized SettingsOutcome apply(RuntimeSettings wanted, boolean startup) {
        RuntimeSettings now = running;
        Map<String, String> rejected = new LinkedHashMap<>();
        InetAddress address = resolve(wanted.rtspBindAddress(), rejected);
        List<AuthScheme> schemes = schemes(wanted.authSchemes(), rejected);
        Path root = Path.of(wanted.mediaRoot() == null ? "" : wanted.mediaRoot()).toAbsolutePath().normalize();
        if (wanted.mediaRoot() == null || wanted.mediaRoot().isBlank()) {
            rejected.put("mediaRoot", "must be set");
        } else if (!Files.isDirectory(root)) {
            rejected.put("mediaRoot", "no folder " + root);
        }
        Mp3HttpSettings mp3 = null;
        try {
            mp3 = Mp3HttpSettings.of(wanted);
        } catch (Mp3HttpSettings.InvalidField e) {
            rejected.put(e.field(), e.problem());
        }
        if (!rejected.isEmpty()) {
            return new SettingsOutcome(List.of(), List.of(), rejected);
        }
        boolean addressChanged = !wanted.rtspBindAddress().equals(now.rtspBindAddress());
        // At startup the bind address applies to every socket; later only a restart moves them.
        InetAddress listenOn = startup ? address : resolve(now.rtspBindAddress(), new LinkedHashMap<>());
        boolean moveRtsp = wanted.rtspPort() != now.rtspPort() || (startup && addressChanged);
        boolean moveTunnel = wanted.httpTunnelPort() != now.httpTunnelPort()
                || (startup && addressChanged && wanted.httpTunnelPort() != 0);
        boolean moveUdp = startup && (wanted.rtpPort() != now.rtpPort() || addressChanged);
        // A port held on one address cannot be bound on the wildcard address (nor the other way round):
        // moving to another address on the same port at startup releases the port first, and takes it back
        // if the change fails.
        List<Runnable> undo = new ArrayList<>();
        InetAddress oldAddress = resolve(now.rtspBindAddress(), new LinkedHashMap<>());
        if (startup && addressChanged && moveRtsp && wanted.rtspPort() == now.rtspPort()) {
            release(adapter.rtspServer(), new InetSocketAddress(oldAddress, now.rtspPort()), undo);
        }
        RtspServer runningTunnel = adapter.tunnelServer();
        if (startup && addressChanged && moveTunnel && runningTunnel != null
                && wanted.httpTunnelPort() == now.httpTunnelPort()) {
            release(runningTunnel, new InetSocketAddress(oldAddress, now.httpTunnelPort()), undo);
        }
        String rtspField = wanted.rtspPort() != now.rtspPort() ? "rtspPort" : "rtspBindAddress";
        String tunnelField = wanted.httpTunnelPort() != now.httpTunnelPort() ? "httpTunnelPort" : "rtspBindAddress";
        Opened opened = new Opened();
        try {
            if (moveRtsp) {
                opened.rtspAt = new InetSocketAddress(listenOn, wanted.rtspPort());
                opened.rtsp = RtspServer.openListener(opened.rtspAt);
            }
        } catch (IOException e) {
            rejected.put(rtspField, e.getMessage());
        }
        try {
            if (moveTunnel && wanted.httpTunnelPort() != 0) {
                opened.tunnelAt = new InetSocketAddress(listenOn, wanted.httpTunnelPort());
                opened.tunnel = RtspServer.openListener(opened.tunnelAt);
            }
        } catch (IOException e) {
            rejected.putIfAbsent(tunnelField, e.getMessage());
        }
        try {
            if (moveUdp) {
                opened.udp = new UdpEndpoint(address, wanted.rtpPort(), wanted.rtpPort() + 1);
            }
        } catch (IOException e) {
            rejected.putIfAbsent(wanted.rtpPort() != now.rtpPort() ? "rtpPort" : "rtspBindAddress", e.getMessage());
        }
        if (!rejected.isEmpty()) {
            opened.closeAll();
            undo.forEach(Runnable::run);
            return new SettingsOutcome(List.of(), List.of(), rejected);
        }
        List<String> live = new ArrayList<>();
        List<String> restart = new ArrayList<>();
        try {
            switchSockets(wanted, opened, live);
        } catch (IOException e) {
            opened.closeAll();
            rejected.put(moveRtsp ? "rtspPort" : "httpTunnelPort", e.getMessage());
            return new SettingsOutcome(live, List.of(), rejected);
        }
        if (addressChanged) {
            (startup ? live : restart).add("rtspBindAddress");
        }
        if (wanted.rtpPort() != now.rtpPort()) {
            (startup ? live : restart).add("rtpPort");
        }
        applyLimits(wanted, now, schemes, root, live);
        applyMp3(mp3, Mp3HttpSettings.of(now), live);
        running = new RuntimeSettings(startup ? wanted.rtspBindAddress() : now.rtspBindAddress(),
                wanted.rtspPort(), startup ? wanted.rtpPort() : now.rtpPort(), wanted.httpTunnelPort(),
                root.toString(), wanted.maxConnections(), wanted.maxSessions(), wanted.maxBandwidthKbps(),
                wanted.sessionTimeoutSeconds(), schemeText(schemes), wanted.accessCacheSeconds(), mp3.maxStreams(),
                mp3.burstSeconds(), mp3.icyMetaint(), mp3.stallSeconds());
        if (!live.isEmpty() || !restart.isEmpty()) {
            LOG.info("settings changed" + (startup ? " at startup" : "") + ": in effect now " + live
                    + (restart.isEmpty() ? "" : "; after a restart " + restart));
        }
        return new SettingsOutcome(live, restart, Map.of());
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

    private void switchSockets(RuntimeSettings wanted, Opened opened, List<String> live) throws IOException {
        if (opened.rtsp != null) {
            adapter.rtspServer().switchListener(opened.rtsp, opened.rtspAt);
            opened.rtsp = null;
            live.add("rtspPort");
        }
        RtspServer tunnel = adapter.tunnelServer();
        if (wanted.httpTunnelPort() != running.httpTunnelPort()) {
            if (opened.tunnel == null) {
                if (tunnel != null) {
                    tunnel.switchListener(null, null); // port 0: no tunnel listener; open tunnels finish normally
                }
            } else if (tunnel == null) {
                adapter.startTunnelServer(opened.tunnel, opened.tunnelAt, wanted.maxConnections());
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
            adapter.replaceUdpEndpoint(opened.udp);
            opened.udp = null;
        }
    }

    private void applyLimits(RuntimeSettings wanted, RuntimeSettings now, List<AuthScheme> schemes, Path root,
                             List<String> live) {
        if (wanted.maxConnections() != now.maxConnections()) {
            adapter.rtspServer().maxConnections(wanted.maxConnections());
            RtspServer tunnel = adapter.tunnelServer();
            if (tunnel != null) {
                tunnel.maxConnections(wanted.maxConnections());
            }
            live.add("maxConnections");
        }
        if (wanted.maxSessions() != now.maxSessions()) {
            adapter.sessionRegistry().maxSessions(wanted.maxSessions());
            live.add("maxSessions");
        }
        if (wanted.maxBandwidthKbps() != now.maxBandwidthKbps()) {
            adapter.bandwidthLimit().maxKbps(wanted.maxBandwidthKbps());
            live.add("maxBandwidthKbps");
        }
        if (wanted.sessionTimeoutSeconds() != now.sessionTimeoutSeconds()) {
            adapter.sessionRegistry().timeoutSeconds(wanted.sessionTimeoutSeconds());
            live.add("sessionTimeoutSeconds");
        }
        if (!schemeText(schemes).equals(now.authSchemes())) {
            adapter.accessGuard().defaultSchemes(schemes);
            live.add("authSchemes");
        }
        if (wanted.accessCacheSeconds() != now.accessCacheSeconds()) {
            adapter.accessGate().cacheSeconds(wanted.accessCacheSeconds());
            live.add("accessCacheSeconds");
        }
        if (!root.toString().equals(now.mediaRoot())) {
            adapter.catalog().reroot(root);
            live.add("mediaRoot");
        }
    }

    /** The MP3-over-HTTP limits, for streams that start from now on. */
    private void applyMp3(Mp3HttpSettings wanted, Mp3HttpSettings now, List<String> live) {
        if (wanted.equals(now)) {
            return;
        }
        adapter.mp3Http().settings(wanted);
        if (wanted.maxStreams() != now.maxStreams()) {
            live.add("mp3MaxStreams");
        }
        if (wanted.burstSeconds() != now.burstSeconds()) {
            live.add("mp3BurstSeconds");
        }
        if (wanted.icyMetaint() != now.icyMetaint()) {
            live.add("mp3IcyMetaint");
        }
        if (wanted.stallSeconds() != now.stallSeconds()) {
            live.add("mp3StallSeconds");
        }
    }

    private static InetAddress resolve(String text, Map<String, String> rejected) {
        try {
            if (text == null || text.isBlank()) {
                rejected.put("rtspBindAddress", "must be set");
                return null;
            }
            return InetAddress.getByName(text.trim());
        } catch (UnknownHostException e) {
            rejected.put("rtspBindAddress", "'" + text + "' is not an address of this host");
            return null;
        }
    }

    private static List<AuthScheme> schemes(String text, Map<String, String> rejected) {
        try {
            List<AuthScheme> schemes = AuthSettings.parseSchemes(text);
            if (schemes.isEmpty()) {
                rejected.put("authSchemes", "at least one of digest, basic");
            }
            return schemes;
        } catch (IllegalArgumentException e) {
            rejected.put("authSchemes", e.getMessage());
            return List.of();
        }
    }

    /** "digest basic": the form the settings use, whatever separators the admin typed. */
    static String schemeText(List<AuthScheme> schemes) {
        StringBuilder out = new StringBuilder();
        for (AuthScheme scheme : schemes) {
            out.append(out.isEmpty() ? "" : " ").append(scheme.name().toLowerCase(java.util.Locale.ROOT));
        }
        return out.toString();
    }
}
