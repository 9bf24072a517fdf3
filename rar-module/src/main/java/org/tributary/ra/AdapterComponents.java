package org.tributary.ra;

import jakarta.resource.spi.work.WorkException;
import jakarta.resource.spi.work.WorkManager;
import org.tributary.api.settings.SettingValues;
import org.tributary.api.settings.SettingsSchema;
import org.tributary.auth.AccessGuard;
import org.tributary.auth.AuthSettings;
import org.tributary.catalog.CatalogueScanner;
import org.tributary.catalog.MediaCatalog;
import org.tributary.hls.HlsService;
import org.tributary.hls.HlsTokens;
import org.tributary.hls.HlsViewings;
import org.tributary.hls.live.LiveHlsStreams;
import org.tributary.engine.StreamingEngine;
import org.tributary.live.local.BroadcasterDefinition;
import org.tributary.live.local.BroadcasterSupervisor;
import org.tributary.live.local.BroadcastersFile;
import org.tributary.mp3http.Mp3HttpService;
import org.tributary.mp3http.Mp3HttpSettings;
import org.tributary.ra.inbound.AccessGate;
import org.tributary.ra.inbound.EventDispatcher;
import org.tributary.rtsp.DecoderLimits;
import org.tributary.server.RequestMetrics;
import org.tributary.server.BandwidthLimit;
import org.tributary.server.ConnectionGuards;
import org.tributary.server.ConnectionLimits;
import org.tributary.server.ControlExecutor;
import org.tributary.server.OutputBudget;
import org.tributary.server.RefusalFloodFilter;
import org.tributary.server.RefusalReporter;
import org.tributary.server.RtspMethodHandler;
import org.tributary.server.RtspServer;
import org.tributary.session.AccessRecords;
import org.tributary.session.MulticastGroups;
import org.tributary.session.Publishers;
import org.tributary.session.RtxLimits;
import org.tributary.session.SessionRegistry;
import org.tributary.session.ThinningSettings;
import org.tributary.session.TrafficMeter;
import org.tributary.stream.PathRegistry;
import org.tributary.stream.SdpFileReflector;
import org.tributary.transport.MulticastRange;
import org.tributary.transport.SendPath;
import org.tributary.transport.UdpEndpoint;
import org.tributary.transport.ReceivePortPairs;
import org.tributary.transport.UdpReceivers;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Logger;

/**
 * The composition root: builds the adapter's components from the deployed settings, starts their
 * long-running Work, says which component applies which live setting, and stops them all. Nothing else
 * constructs components; everything else gets them from here.
 */
final class AdapterComponents implements LiveSettings.Sockets {

    private static final long MEBIBYTE = 1024L * 1024;
    /** A deploy-time secret (32+ characters) so HLS tokens survive a restart; a random one without it. */
    static final String HLS_TOKEN_SECRET_PROPERTY = "tributary.hls.token-secret";
    /** An HLS viewing (one access-log line) ends after this long without a request: two default segments. */
    private static final int HLS_VIEWING_IDLE_SECONDS = 30;
    private static final int MAX_HLS_VIEWINGS = 100_000;
    private static final Logger LOG = Logger.getLogger(AdapterComponents.class.getName());
    static final String SERVER_HEADER = "Tributary/" + TributaryResourceAdapter.VERSION;
    /** Access records waiting for the log bean; more are dropped (and counted) rather than block streaming. */
    private static final int EVENT_QUEUE_CAPACITY = 10_000;
    /**
     * Access records wait this long for more before they go to the history: a TEARDOWN burst is answered before it
     * is stored (docs/BENCHMARKS.md, "Issue #18's targets in one run").
     */
    private static final long EVENT_LINGER_MILLIS = 250;

    private final WorkManager workManager;
    private final SettingValues deployed;
    private final InetAddress bindAddress;
    final AccessGate accessGate;
    final SessionRegistry sessions;
    final Publishers publishers;
    final UdpReceivers liveSourcePorts;
    final SdpFileReflector sdpFiles;
    final ReceivePortPairs publishingPorts;
    /** The multicast groups of running streams, one feed each; built with the engine. */
    MulticastGroups multicast;
    final EventDispatcher events;
    final MediaCatalog catalog;
    /** HLS for the catalogue's files, asked through the outbound connection (the web module serves it); built with the access guard. */
    HlsService hls;
    LiveHlsStreams liveHls;
    /** The channels the server feeds itself from playlists; kinds are added with the engine. */
    final org.tributary.channel.Channels channels = new org.tributary.channel.Channels(new java.security.SecureRandom(),
            Clock.systemUTC());
    private HlsViewings hlsViewings;
    /** What is at a path: a catalogue file, or a running stream (live sources register here). */
    final PathRegistry paths;
    final CatalogueScanner scanner;
    /** The local broadcasters of the broadcasters file: the registry's on-demand provider. */
    final BroadcasterSupervisor broadcasters;
    /** Pull and push relays to and from other RTSP servers: the registry's on-demand provider after the broadcasters. */
    final org.tributary.relay.Relays relays;
    /** This server as a cluster node (views from the EJB side, pulls from other nodes, the entry redirect). */
    final org.tributary.cluster.Cluster cluster;
    final TrafficMeter meter;
    /** Every listener's answers by status and its SETUP times, for the metrics. */
    final RequestMetrics requestMetrics = new RequestMetrics();
    final BandwidthLimit bandwidth;
    private final RefusalFloodFilter refusalFloods;
    final ConnectionGuards connectionGuards;
    private final AuthSettings authSettings;
    private StreamingEngine engine;
    private ControlExecutor control;
    private AccessGuard accessGuard;
    private RtspMethodHandler handler;
    Mp3HttpService mp3Http;
    RtspServer rtspServer;
    private volatile RtspServer tunnelServer;
    /** The RTSPS (RTSP over TLS) listener, or null when it is off. */
    private volatile RtspServer rtspsServer;
    private volatile UdpEndpoint udpEndpoint;
    private final Housekeeping housekeeping;

    /** Builds every component; nothing is bound or started yet. */
    AdapterComponents(SettingValues deployed, WorkManager workManager) throws IOException {
        this.deployed = deployed;
        this.workManager = workManager;
        bindAddress = InetAddress.getByName(deployed.text("rtspBindAddress"));
        Path mediaRoot = Path.of(deployed.text("mediaRoot")).toAbsolutePath().normalize();
        authSettings = new AuthSettings(AuthSettings.parseSchemes(deployed.text("authSchemes")),
                deployed.integer("authNonceSeconds"), deployed.integer("authFailuresBeforeDelay"),
                deployed.integer("authDelayMillisPerFailure"), deployed.integer("authFailuresBeforeLockout"),
                deployed.integer("authLockoutSeconds"), deployed.bool("authDigestWithoutQop"));
        connectionGuards = new ConnectionGuards(connectionLimits(deployed),
                OutputBudget.shareOfHeap(deployed.integer("rtspMaxQueuedPercentOfHeap")));
        Executor tasks = this::runShortTask;
        accessGate = new AccessGate(tasks, deployed.integer("accessCacheSeconds"),
                deployed.integer("accessTimeoutMillis"));
        sessions = new SessionRegistry(deployed.integer("sessionTimeoutSeconds"), deployed.integer("maxSessions"));
        sessions.maxPerAddress(deployed.integer("maxSessionsPerAddress"));
        events = new EventDispatcher(tasks, EVENT_QUEUE_CAPACITY, EVENT_LINGER_MILLIS);
        SessionRegistry registry = sessions;
        sessions.onSessionEnded(ended -> events.publish(AccessRecords.ofEndedSession(ended, registry.size())));
        AccessRecords.serverHostName(); // resolves the host name now, not on a streaming thread later
        catalog = new MediaCatalog(mediaRoot);
        scanner = new CatalogueScanner(catalog);
        paths = new PathRegistry(catalog);
        broadcasters = BroadcasterSupervisor.standard(broadcasterDefinitions(deployed), paths,
                () -> InetSocketAddress.createUnresolved(bindAddress.isAnyLocalAddress() ? "127.0.0.1"
                        : bindAddress.getHostAddress(), rtspServer.port()),
                deployed.integer("controlThreads") / 2, this::startLongRunning);
        paths.onDemand(broadcasters);
        publishers = new Publishers(paths, deployed.integer("maxPublishers"), deployed.integer("publisherTimeoutSeconds"),
                System::nanoTime, Clock.systemUTC());
        publishers.graceSeconds(deployed.integer("publisherGraceSeconds"));
        publishers.onPublisherEnded(ended -> events.publish(AccessRecords.ofEndedBroadcast(ended,
                registry.size() + publishers.size())));
        meter = new TrafficMeter();
        publishers.countInto(meter);
        bandwidth = new BandwidthLimit(meter, deployed.integer("maxBandwidthKbps"));
        EventDispatcher dispatcher = events;
        refusalFloods = new RefusalFloodFilter(dispatcher::publish, deployed.integer("refusalsPerWindow"),
                deployed.integer("refusalWindowSeconds"));
        if (!Files.isDirectory(mediaRoot)) {
            LOG.warning("the media folder " + mediaRoot + " does not exist: every DESCRIBE will get 404"
                    + " (set tributary.media.root)");
        }
        udpEndpoint = new UdpEndpoint(bindAddress, deployed.integer("rtpPort"), deployed.integer("rtpPort") + 1);
        udpEndpoint.maxRtpReceivers(deployed.integer("maxIncomingRtpStreams"));
        liveSourcePorts = new UdpReceivers();
        sdpFiles = new SdpFileReflector(paths, liveSourcePorts, bindAddress, deployed.integer("sdpLingerSeconds"),
                System::nanoTime);
        paths.onDemand(sdpFiles);
        publishingPorts = new ReceivePortPairs(liveSourcePorts, bindAddress, deployed.integer("livePortFirst"),
                deployed.integer("livePortLast"));
        relays = org.tributary.relay.Relays.standard(paths, publishingPorts, deployed.integer("controlThreads") / 2,
                this::startLongRunning);
        paths.onDemand(relays);
        cluster = new org.tributary.cluster.Cluster(paths, org.tributary.relay.Relays.standard(paths, null,
                deployed.integer("controlThreads") / 2, this::startLongRunning), sessions::size, System::nanoTime);
        paths.onDemand(cluster.pulls());
        try {
            wire();
        } catch (RuntimeException e) {
            udpEndpoint.close();
            liveSourcePorts.close();
            if (engine != null) {
                engine.close();
            }
            if (control != null) {
                control.close();
            }
            throw e;
        }
        housekeeping = new Housekeeping(List.of(now -> sessions.reapExpired(), now -> publishers.tick(), now -> sdpFiles.tick(), now -> multicast.tick(), meter::sample,
                now -> sessions.sampleRates(), mp3Http::sampleRates, now -> refusalFloods.flushEnded(),
                broadcasters::tick, relays::tick, cluster::tick, now -> hlsViewings.tick(now)));
    }

    /**
     * The definitions of the broadcasters file (relative to the server's configuration folder); none when it
     * is missing, and none, with a log line naming file and line, when it is malformed.
     */
    private static List<BroadcasterDefinition> broadcasterDefinitions(SettingValues deployed) {
        Path file = Path.of(System.getProperty("jboss.server.config.dir", "."))
                .resolve(deployed.text("liveBroadcastersFile"));
        try {
            List<BroadcasterDefinition> definitions = BroadcastersFile.load(file);
            if (!definitions.isEmpty()) {
                LOG.info(definitions.size() + " local broadcaster(s) defined in " + file);
            }
            return definitions;
        } catch (BroadcastersFile.MalformedException e) {
            LOG.severe("no local broadcasters: " + e.getMessage());
        } catch (IOException e) {
            LOG.severe("no local broadcasters: cannot read " + file + ": " + e.getMessage());
        }
        return List.of();
    }

    /** The components that start threads or hold the UDP endpoint, built once it is bound. */
    private void wire() {
        SendPath sendPath = SendPath.choose(deployed.bool("batchedSends"));
        LOG.info("UDP sends: " + sendPath);
        engine = new StreamingEngine(deployed.integer("senderThreads"), this::startLongRunning, sendPath,
                deployed.integer("sendAheadMicros") * 1000L, System::nanoTime);
        // Request handlers get their own pool; access decisions stay on the short-task pool (see ControlExecutor).
        control = new ControlExecutor(deployed.integer("controlThreads"), deployed.integer("controlQueue"),
                this::startLongRunning);
        // One guard for RTSP and HTTP: the same nonces, failed-login counts and lockouts.
        accessGuard = AccessGuard.standard(accessGate, authSettings);
        handler = new RtspMethodHandler(accessGuard, paths, sessions, publishers, publishingPorts, engine, udpEndpoint,
                meter, bandwidth);
        handler.liveTakeover(deployed.bool("liveTakeover"));
        handler.retransmission(rtxLimits(deployed));
        handler.retransmissionPlayers(deployed.text("rtxPlayers"));
        handler.thinning(thinning(deployed));
        handler.instantOn(deployed.integer("overbufferSeconds"), deployed.integer("overbufferMultiple"));
        multicast = new MulticastGroups(MulticastRange.parse(deployed.text("multicastRange")),
                deployed.integer("multicastPortFirst"), deployed.integer("multicastPortLast"),
                deployed.integer("multicastTtl"), SettingsCheck.multicastInterface(deployed.text("multicastInterface")),
                engine, System::nanoTime);
        handler.multicastGroups(multicast);
        handler.multicastOnlyPaths(deployed.text("multicastOnlyPaths"));
        RefusalReporter refusals = new RefusalReporter(sessions, paths, refusalFloods);
        handler.onRefusal(refusals);
        mp3Http = new Mp3HttpService(accessGuard, paths, engine, mp3Settings(deployed), meter, bandwidth,
                events::publish);
        mp3Http.onRefusal(refusals);
        handler.plainHttp(mp3Http);
        handler.entryRedirect(cluster.entry());
        channels.support(org.tributary.api.ChannelKind.RADIO, new org.tributary.channel.RadioChannels(paths,
                mp3Http.stations(), engine, Clock.systemUTC()));
        hlsViewings = new HlsViewings(events::publish, Clock.systemUTC(), System::nanoTime, HLS_VIEWING_IDLE_SECONDS,
                MAX_HLS_VIEWINGS, AccessRecords.serverHostName());
        hlsViewings.limitPerAddress(sessions::maxPerAddress);
        hls = new HlsService(catalog, accessGuard::check,
                HlsTokens.withSecret(System.getProperty(HLS_TOKEN_SECRET_PROPERTY), Clock.systemUTC()), hlsViewings,
                deployed.integer("hlsTargetDuration"), deployed.integer("hlsCacheMegabytes") * MEBIBYTE);
        hls.corsOrigin(deployed.text("hlsCorsOrigin"));
        liveHls = new LiveHlsStreams(paths, engine, deployed.integer("hlsLiveTargetDuration"),
                deployed.integer("hlsLiveWindowSegments"), System::nanoTime);
        hls.live(liveHls);
        channels.support(org.tributary.api.ChannelKind.STREAM, new org.tributary.channel.StreamChannels(catalog, paths,
                engine, org.tributary.stream.StreamLimits.DEFAULT, System::nanoTime, Clock.systemUTC()));
        rtspServer = newServer(deployed.integer("rtspPort"));
    }

    /** Which component applies which live setting (the sockets are moved by {@link LiveSettings} itself). */
    LiveAppliers liveAppliers() {
        return new LiveAppliers()
                .on("mediaRoot", s -> catalog.reroot(Path.of(s.text("mediaRoot"))))
                .on("maxConnections", s -> {
                    rtspServer.maxConnections(s.integer("maxConnections"));
                    RtspServer tunnel = tunnelServer;
                    if (tunnel != null) {
                        tunnel.maxConnections(s.integer("maxConnections"));
                    }
                    RtspServer rtsps = rtspsServer;
                    if (rtsps != null) {
                        rtsps.maxConnections(s.integer("maxConnections"));
                    }
                })
                .on("maxSessions", s -> sessions.maxSessions(s.integer("maxSessions")))
                .on("maxBandwidthKbps", s -> bandwidth.maxKbps(s.integer("maxBandwidthKbps")))
                .on("sessionTimeoutSeconds", s -> sessions.timeoutSeconds(s.integer("sessionTimeoutSeconds")))
                .on("maxPublishers", s -> publishers.maxPublishers(s.integer("maxPublishers")))
                .on("publisherTimeoutSeconds", s -> publishers.silenceTimeoutSeconds(s.integer("publisherTimeoutSeconds")))
                .on("livePortFirst", s -> publishingPorts.range(s.integer("livePortFirst"), s.integer("livePortLast")))
                .on("livePortLast", s -> publishingPorts.range(s.integer("livePortFirst"), s.integer("livePortLast")))
                .on("sdpLingerSeconds", s -> sdpFiles.lingerSeconds(s.integer("sdpLingerSeconds")))
                .on("publisherGraceSeconds", s -> publishers.graceSeconds(s.integer("publisherGraceSeconds")))
                .on("liveTakeover", s -> handler.liveTakeover(s.bool("liveTakeover")))
                .on("maxIncomingRtpStreams", s -> udpEndpoint.maxRtpReceivers(s.integer("maxIncomingRtpStreams")))
                .on("rtspIdleTimeoutSeconds", s -> connectionGuards.limits(connectionLimits(deployed.withAll(
                        Map.of("rtspIdleTimeoutSeconds", s.text("rtspIdleTimeoutSeconds"))))))
                .on("authSchemes", s -> accessGuard.defaultSchemes(AuthSettings.parseSchemes(s.text("authSchemes"))))
                .on("accessCacheSeconds", s -> accessGate.cacheSeconds(s.integer("accessCacheSeconds")))
                .on("mp3MaxStreams", s -> mp3Http.settings(mp3Settings(s)))
                .on("mp3BurstSeconds", s -> mp3Http.settings(mp3Settings(s)))
                .on("mp3IcyMetaint", s -> mp3Http.settings(mp3Settings(s)))
                .on("mp3StallSeconds", s -> mp3Http.settings(mp3Settings(s)))
                .on("multicastRange", this::multicastGroupsFrom)
                .on("multicastPortFirst", this::multicastGroupsFrom)
                .on("multicastPortLast", this::multicastGroupsFrom)
                .on("multicastTtl", this::multicastSendWith)
                .on("multicastInterface", this::multicastSendWith)
                .on("multicastOnlyPaths", s -> handler.multicastOnlyPaths(s.text("multicastOnlyPaths")))
                .on("rtxBandwidthPercent", s -> handler.retransmission(rtxLimits(s)))
                .on("rtxTimeMillis", s -> handler.retransmission(rtxLimits(s)))
                .on("rtxMaxResends", s -> handler.retransmission(rtxLimits(s)))
                .on("rtxHistoryKilobytes", s -> handler.retransmission(rtxLimits(s)))
                .on("rtxPlayers", s -> handler.retransmissionPlayers(s.text("rtxPlayers")))
                .on("hlsTargetDuration", s -> hls.targetDuration(s.integer("hlsTargetDuration")))
                .on("hlsLiveTargetDuration", s -> liveHls.targetDuration(s.integer("hlsLiveTargetDuration")))
                .on("hlsLiveWindowSegments", s -> liveHls.windowSegments(s.integer("hlsLiveWindowSegments")))
                .on("hlsCacheMegabytes", s -> hls.cacheBytes(s.integer("hlsCacheMegabytes") * MEBIBYTE))
                .on("hlsCorsOrigin", s -> hls.corsOrigin(s.text("hlsCorsOrigin")))
                .on("thinningLossPercent", s -> handler.thinning(thinning(s)))
                .on("thinningLevelSeconds", s -> handler.thinning(thinning(s)))
                .on("overbufferSeconds", this::instantOnFrom)
                .on("overbufferMultiple", this::instantOnFrom);
    }

    private void multicastGroupsFrom(SettingValues s) {
        multicast.groupsFrom(MulticastRange.parse(s.text("multicastRange")), s.integer("multicastPortFirst"),
                s.integer("multicastPortLast"));
    }

    private void multicastSendWith(SettingValues s) {
        multicast.sendWith(s.integer("multicastTtl"), SettingsCheck.multicastInterface(s.text("multicastInterface")));
    }

    /** The editable settings as they run after start: the actual RTSP port, spelled as the checks spell them. */
    SettingValues configured() {
        return SettingsCheck.normalized(deployed.only(SettingsSchema.editableNames()).withAll(Map.of(
                "rtspBindAddress", bindAddress.getHostAddress(), "rtspPort", Integer.toString(rtspServer.port()))));
    }

    private static ConnectionLimits connectionLimits(SettingValues s) {
        return new ConnectionLimits(s.integer("rtspRequestTimeoutSeconds"), s.integer("rtspIdleTimeoutSeconds"),
                s.integer("rtspMaxConnectionsPerAddress"), s.integer("rtspMaxQueuedBytesPerConnection"),
                s.integer("rtspStallSeconds"), s.integer("rtspMaxTunnels"));
    }

    private void instantOnFrom(SettingValues s) {
        handler.instantOn(s.integer("overbufferSeconds"), s.integer("overbufferMultiple"));
    }

    private static ThinningSettings thinning(SettingValues s) {
        return new ThinningSettings(s.integer("thinningLossPercent"), s.integer("thinningLevelSeconds"));
    }

    private static RtxLimits rtxLimits(SettingValues s) {
        return new RtxLimits(s.integer("rtxTimeMillis"), s.integer("rtxBandwidthPercent"), s.integer("rtxMaxResends"),
                s.integer("rtxHistoryKilobytes") * 1024);
    }

    private static Mp3HttpSettings mp3Settings(SettingValues s) {
        return new Mp3HttpSettings(s.integer("mp3MaxStreams"), s.integer("mp3BurstSeconds"),
                s.integer("mp3IcyMetaint"), s.integer("mp3StallSeconds"));
    }

    private RtspServer newServer(int port) {
        RtspServer server = new RtspServer(new InetSocketAddress(bindAddress, port), deployed.integer("maxConnections"),
                handler, control, DecoderLimits.DEFAULTS, SERVER_HEADER, connectionGuards);
        server.metrics(requestMetrics);
        return server;
    }

    /** Binds the listeners and starts every loop. */
    void start() throws IOException {
        rtspServer.bind();
        startLongRunning("tributary-rtsp", rtspServer);
        if (deployed.integer("httpTunnelPort") != 0) {
            // QuickTime-style clients reach the server through HTTP proxies on a port of their own.
            RtspServer tunnel = newServer(deployed.integer("httpTunnelPort"));
            tunnel.bind();
            startLongRunning("tributary-rtsp-http", tunnel);
            tunnelServer = tunnel;
        }
        if (deployed.integer("rtspsPort") != 0) {
            startRtsps(deployed.integer("rtspsPort"));
        }
        startLongRunning("tributary-rtcp", udpEndpoint);
        startLongRunning("tributary-live-sources", liveSourcePorts);
        startLongRunning("tributary-housekeeping", housekeeping);
        broadcasters.start();
    }

    /** RTSP over TLS on a port of its own, the same handler behind it; off when the key store cannot be read. */
    private void startRtsps(int port) throws IOException {
        javax.net.ssl.SSLContext tls = RtspsKeyStore.context(deployed);
        if (tls == null) {
            return;
        }
        RtspServer rtsps = new RtspServer(new InetSocketAddress(bindAddress, port), deployed.integer("maxConnections"),
                handler, control, DecoderLimits.DEFAULTS, SERVER_HEADER, connectionGuards,
                channel -> org.tributary.net.TlsLink.server(channel, tls), "RTSPS");
        rtsps.metrics(requestMetrics);
        rtsps.bind();
        startLongRunning("tributary-rtsps", rtsps);
        rtspsServer = rtsps;
    }

    /** Ends every session and stream and closes every socket, so a redeploy can bind the same ports at once. */
    void stop() {
        housekeeping.stop();
        channels.stopAll();
        broadcasters.close();
        relays.closeAll();
        cluster.close();
        publishers.closeAll("server stopping");
        sdpFiles.stopAll("server stopping");
        multicast.closeAll();
        sessions.closeAll("server stopping");
        mp3Http.closeAll("server stopping");
        refusalFloods.flushAll();
        rtspServer.close();
        RtspServer tunnel = tunnelServer;
        if (tunnel != null) {
            tunnel.close();
        }
        RtspServer rtsps = rtspsServer;
        if (rtsps != null) {
            rtsps.close();
        }
        engine.close();
        control.close();
        udpEndpoint.close();
        liveSourcePorts.close();
        accessGate.clear();
    }

    @Override
    public RtspServer rtspServer() {
        return rtspServer;
    }

    /** The RTSPS listener, or null when RTSPS is off. */
    RtspServer rtspsServer() {
        return rtspsServer;
    }

    /** The sender loops. */
    StreamingEngine engine() {
        return engine;
    }

    /** The HLS viewings open now. */
    HlsViewings hlsViewings() {
        return hlsViewings;
    }

    /** The UDP endpoint new sessions use (replaced when the RTP port moves). */
    UdpEndpoint udpEndpoint() {
        return udpEndpoint;
    }

    @Override
    public RtspServer tunnelServer() {
        return tunnelServer;
    }

    @Override
    public void startTunnelServer(ServerSocketChannel opened, InetSocketAddress address, int maxConnectionsNow)
            throws IOException {
        RtspServer tunnel = new RtspServer(address, maxConnectionsNow, handler, control, DecoderLimits.DEFAULTS,
                SERVER_HEADER, connectionGuards);
        tunnel.metrics(requestMetrics);
        tunnel.bind(opened);
        startLongRunning("tributary-rtsp-http", tunnel);
        tunnelServer = tunnel;
    }

    @Override
    public void replaceUdpEndpoint(UdpEndpoint next) {
        UdpEndpoint previous = udpEndpoint;
        startLongRunning("tributary-rtcp", next);
        handler.udp(next);
        udpEndpoint = next;
        previous.close();
    }

    private void startLongRunning(String name, Runnable loop) {
        try {
            workManager.startWork(AdapterWork.longRunning(name, loop, () -> { }), WorkManager.INDEFINITE, null, null);
        } catch (WorkException e) {
            throw new IllegalStateException("the WorkManager refused " + name + ": " + e.getMessage(), e);
        }
    }

    private void runShortTask(Runnable task) {
        try {
            workManager.scheduleWork(AdapterWork.shortTask(task));
        } catch (WorkException e) {
            throw new RejectedExecutionException("the WorkManager refused a task: " + e.getMessage(), e);
        }
    }
}
