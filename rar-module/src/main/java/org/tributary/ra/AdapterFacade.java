package org.tributary.ra;

import org.tributary.api.AdapterMetrics;
import org.tributary.api.AdapterSettings;
import org.tributary.api.AdapterStatistics;
import org.tributary.api.AdapterStatus;
import org.tributary.api.LocalBroadcasterInfo;
import org.tributary.api.MediaFileInfo;
import org.tributary.api.BroadcastInfo;
import org.tributary.api.SessionInfo;
import org.tributary.api.SettingsOutcome;
import org.tributary.api.event.AccessRecord;
import org.tributary.api.settings.SettingValues;
import org.tributary.engine.StreamingEngine;
import org.tributary.hls.HlsViewings;
import org.tributary.mp3http.Mp3HttpService;
import org.tributary.server.RtspServer;
import org.tributary.session.BroadcastSnapshot;
import org.tributary.session.PublisherSession;
import org.tributary.session.RtspSession;
import org.tributary.session.SessionSnapshot;
import org.tributary.transport.SendPath;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the outbound connection (the EJBs) may ask of a started adapter: status, statistics, sessions, the
 * media catalogue, the settings. One instance per start; it only reads from and delegates to the components.
 */
public final class AdapterFacade {

    private final AdapterComponents components;
    private final LiveSettings settings;
    private final Instant startedAt;

    AdapterFacade(AdapterComponents components, LiveSettings settings, Instant startedAt) {
        this.components = components;
        this.settings = settings;
        this.startedAt = startedAt;
    }

    /** A live snapshot; connections and requests are counted over every listener (RTSP, tunnel, RTSPS). */
    public AdapterStatus status() {
        RtspServer server = components.rtspServer();
        List<RtspServer> listeners = listeners();
        SendPath sendPath = components.engine().sendPath();
        return new AdapterStatus(TributaryResourceAdapter.VERSION, server.bindHost(), server.port(), startedAt,
                listeners.stream().mapToInt(RtspServer::openConnections).sum(),
                listeners.stream().mapToLong(RtspServer::totalConnections).sum(),
                components.sessions.size() + components.mp3Http.activeStreams(),
                listeners.stream().mapToLong(RtspServer::requestsHandled).sum(),
                settings.configured().text("mediaRoot"), sendPath.mode(), sendPath.detail(), sendPath.batchedPackets(),
                sendPath.batches());
    }

    /** The RTSP listener, and the tunnel's and the RTSPS one where they run. */
    private List<RtspServer> listeners() {
        List<RtspServer> listeners = new ArrayList<>(3);
        listeners.add(components.rtspServer());
        if (components.tunnelServer() != null) {
            listeners.add(components.tunnelServer());
        }
        if (components.rtspsServer() != null) {
            listeners.add(components.rtspsServer());
        }
        return listeners;
    }

    /** The live sessions: RTSP sessions, then MP3-over-HTTP streams, then HLS viewings. */
    public List<SessionInfo> sessionInfos() {
        List<SessionInfo> all = new ArrayList<>();
        components.sessions.all().stream().map(SessionSnapshot::of).forEach(all::add);
        all.addAll(components.mp3Http.sessionInfos());
        all.addAll(components.hlsViewings().sessionInfos());
        return all;
    }

    /** The live broadcasts (publisher sessions). */
    public List<BroadcastInfo> broadcasts() {
        return components.publishers.all().stream().map(BroadcastSnapshot::of).toList();
    }

    /**
     * Ends a session, a broadcast (its viewers at once) or an MP3-over-HTTP stream on an administrator's
     * request; false when there is no such one.
     */
    public boolean closeSession(String id) {
        RtspSession session = components.sessions.get(id);
        PublisherSession publisher = session == null ? components.publishers.get(id) : null;
        if (publisher != null) {
            publisher.evict("ended by an administrator");
            return true;
        }
        if (session == null) {
            return components.mp3Http.stop(id);
        }
        session.close("ended by an administrator");
        return true;
    }

    /** Ends every session and returns the access records still queued, theirs included. */
    public List<AccessRecord> endSessionsAndTakeRecords(String reason) {
        components.sessions.closeAll(reason);
        components.mp3Http.closeAll(reason);
        return components.events.takeAll();
    }

    /** Forgets every cached access decision. */
    public void invalidateAccessCache() {
        components.accessGate.clear();
    }

    /** Traffic counters and live counts. */
    public AdapterStatistics statistics() {
        Map<String, Integer> byTransport = new TreeMap<>();
        for (RtspSession session : components.sessions.all()) {
            byTransport.merge(session.transportKind(), 1, Integer::sum);
        }
        int mp3Streams = components.mp3Http.activeStreams();
        if (mp3Streams > 0) {
            byTransport.put(Mp3HttpService.TRANSPORT, mp3Streams);
        }
        int hlsViewings = components.hlsViewings().size();
        if (hlsViewings > 0) {
            byTransport.put(HlsViewings.TRANSPORT, hlsViewings);
        }
        int connections = listeners().stream().mapToInt(RtspServer::openConnections).sum();
        return new AdapterStatistics(Instant.now(), components.meter.bytesSent(), components.meter.packetsSent(),
                connections, components.sessions.size() + mp3Streams + hlsViewings, byTransport, components.meter.bitsPerSecond(),
                processCpuLoad());
    }

    /** The figures of WildFly's {@code /metrics} ({@code tributary_*}) and the listeners' ports. */
    public AdapterMetrics metrics() {
        AdapterStatistics traffic = statistics();
        Map<String, Integer> ports = new TreeMap<>();
        ports.put("rtsp", components.rtspServer().port());
        if (components.tunnelServer() != null) {
            ports.put("http-tunnel", components.tunnelServer().port());
        }
        if (components.rtspsServer() != null) {
            ports.put("rtsps", components.rtspsServer().port());
        }
        List<RtspServer> listeners = listeners();
        StreamingEngine engine = components.engine();
        return new AdapterMetrics(traffic.time(), ports, engine.loops(), engine.loopsRunning(),
                traffic.sessionsByTransport(), traffic.openConnections(),
                listeners.stream().mapToLong(RtspServer::totalConnections).sum(),
                listeners.stream().mapToLong(RtspServer::requestsHandled).sum(),
                traffic.bytesSent(), traffic.packetsSent(), components.meter.bytesReceived(),
                components.meter.packetsReceived(), traffic.bitsPerSecond(), components.meter.packetsLostReported(),
                components.meter.retransmissionsRequested(), components.meter.retransmissionsSent(),
                components.requestMetrics.refusals().snapshot(), components.accessGate.cacheHits(),
                components.accessGate.decisionTimes().snapshot(), components.requestMetrics.setups().snapshot(),
                engine.lag(), components.paths.streamCount(), components.paths.liveViewers(),
                components.hlsViewings().size());
    }

    private static double processCpuLoad() {
        return org.tributary.metrics.ProcessCpu.load();
    }

    /** Every file of the media folder. */
    public List<MediaFileInfo> mediaCatalogue() throws IOException {
        return components.scanner.scan();
    }

    /** What the deployment configured and what runs now. */
    public AdapterSettings settings() {
        return new AdapterSettings(settings.configured(), settings.running());
    }

    /** The local broadcasters with their state now. */
    public List<LocalBroadcasterInfo> localBroadcasters() {
        return components.broadcasters.infos();
    }

    /** An operator's start of a local broadcaster; null when there is no such one. */
    public LocalBroadcasterInfo startLocalBroadcaster(String name) {
        return components.broadcasters.start(name);
    }

    /** An operator's stop of a local broadcaster; null when there is no such one. */
    public LocalBroadcasterInfo stopLocalBroadcaster(String name) {
        return components.broadcasters.stop(name);
    }

    /** The channels running now. */
    public List<org.tributary.api.ChannelInfo> channels() {
        return components.channels.infos();
    }

    public org.tributary.api.LivePaths livePaths() {
        return components.cluster.livePaths();
    }

    public void applyClusterView(org.tributary.api.ClusterView view) {
        components.cluster.apply(view);
    }

    public List<org.tributary.api.RelayInfo> relays() {
        return components.relays.infos();
    }

    public org.tributary.api.RelayInfo putRelay(org.tributary.api.RelayDefinition definition) {
        return components.relays.put(definition);
    }

    public org.tributary.api.RelayInfo removeRelay(String name) {
        return components.relays.remove(name);
    }

    public org.tributary.api.ChannelOutcome startChannel(org.tributary.api.ChannelDefinition definition) {
        return components.channels.start(definition);
    }

    public org.tributary.api.ChannelInfo stopChannel(String name) {
        return components.channels.stop(name);
    }

    public org.tributary.api.ChannelInfo skipChannelItem(String name) {
        return components.channels.skip(name);
    }

    public org.tributary.api.ChannelOutcome insertChannelItems(String name,
                                                              List<org.tributary.api.playlist.PlaylistItem> items) {
        return components.channels.insert(name, items);
    }

    public org.tributary.api.ChannelOutcome replaceChannelPlaylist(String name,
                                                                  org.tributary.api.playlist.Playlist playlist) {
        return components.channels.replace(name, playlist);
    }

    /** Checks and applies an administrator's settings; see {@link LiveSettings}. */
    public SettingsOutcome applySettings(SettingValues wanted, boolean startup) {
        return settings.apply(wanted, startup);
    }

    /** An HLS resource of a file (a playlist, the init segment or a media segment) after the access check. */
    public org.tributary.api.HlsReply hls(org.tributary.api.HlsRequest request) {
        return components.hls.get(request);
    }

    /** A signed token for one file; IllegalArgumentException for a bad path or lifetime. */
    public org.tributary.api.HlsToken mintHlsToken(String mediaPath, long seconds) {
        return components.hls.mintToken(mediaPath, seconds);
    }
}
