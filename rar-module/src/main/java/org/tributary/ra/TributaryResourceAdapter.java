package org.tributary.ra;

import jakarta.resource.ResourceException;
import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.BootstrapContext;
import jakarta.resource.spi.ConfigProperty;
import jakarta.resource.spi.Connector;
import jakarta.resource.spi.ResourceAdapter;
import jakarta.resource.spi.ResourceAdapterInternalException;
import jakarta.resource.spi.TransactionSupport;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import jakarta.resource.spi.work.WorkException;
import jakarta.resource.spi.work.WorkManager;
import org.tributary.api.AdapterStatus;
import org.tributary.api.event.SessionEventListener;
import org.tributary.ra.inbound.AccessGate;
import org.tributary.auth.AccessGuard;
import org.tributary.auth.AuthSettings;
import org.tributary.ra.inbound.EventDispatcher;
import org.tributary.mp3http.Mp3HttpService;
import org.tributary.mp3http.Mp3HttpSettings;
import org.tributary.server.RefusalFloodFilter;
import org.tributary.server.RefusalReporter;
import org.tributary.session.AccessRecords;
import org.tributary.catalog.CatalogueScanner;
import org.tributary.catalog.MediaCatalog;
import org.tributary.server.BandwidthLimit;
import org.tributary.session.TrafficMeter;
import org.tributary.engine.StreamingEngine;
import org.tributary.stream.PathRegistry;
import org.tributary.rtsp.DecoderLimits;
import org.tributary.session.SessionRegistry;
import org.tributary.transport.UdpEndpoint;
import java.nio.file.Files;
import org.tributary.server.ControlExecutor;
import org.tributary.server.RtspMethodHandler;
import org.tributary.server.RtspServer;

import javax.transaction.xa.XAResource;
import java.io.IOException;
import java.io.Serializable;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Logger;

/**
 * The Tributary resource adapter. {@link #start} validates the configuration, binds the RTSP port and
 * runs its selector loop as long-running Work; {@link #stop} closes every socket so a redeploy can bind
 * the same port at once. Message-driven beans implementing the listener interfaces of
 * {@code org.tributary.api} are wired in through {@link #endpointActivation}.
 */
@Connector(displayName = "Tributary streaming server", vendorName = "Tributary", eisType = "RTSP/RTP streaming",
        version = "0.1.0", transactionSupport = TransactionSupport.TransactionSupportLevel.NoTransaction)
public class TributaryResourceAdapter implements ResourceAdapter, Serializable {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(TributaryResourceAdapter.class.getName());
    public static final String VERSION = "0.1.0";
    static final String SERVER_HEADER = "Tributary/" + VERSION;
    /** Access records waiting for the log bean; more are dropped (and counted) rather than block streaming. */
    private static final int EVENT_QUEUE_CAPACITY = 10_000;

    @ConfigProperty(defaultValue = "0.0.0.0", description = "Address the RTSP listener binds")
    private String rtspBindAddress = "0.0.0.0";

    @ConfigProperty(defaultValue = "8554", description = "RTSP TCP port (0 = any free port)")
    private Integer rtspPort = 8554;

    @ConfigProperty(defaultValue = "media", description = "The media folder served")
    private String mediaRoot = "media";

    @ConfigProperty(defaultValue = "5000", description = "RTSP connections accepted at once; more are refused with 503")
    private Integer maxConnections = 5000;

    @ConfigProperty(defaultValue = "10", description = "Seconds an access decision is reused before the EJB side is asked again")
    private Integer accessCacheSeconds = 10;

    @ConfigProperty(defaultValue = "3000", description = "Milliseconds a request waits for an access decision before 503")
    private Integer accessTimeoutMillis = 3000;

    @ConfigProperty(defaultValue = "6970", description = "UDP port RTP leaves from (even); RTCP uses the next port")
    private Integer rtpPort = 6970;

    @ConfigProperty(defaultValue = "60", description = "Seconds without a request or RTCP report before a session ends")
    private Integer sessionTimeoutSeconds = 60;

    @ConfigProperty(defaultValue = "10000", description = "RTSP sessions at once; more SETUPs are refused with 453")
    private Integer maxSessions = 10000;

    @ConfigProperty(defaultValue = "100", description = "RTSP sessions one client address may hold at once; more SETUPs get 453 (0 = no limit)")
    private Integer maxSessionsPerAddress = 100;

    @ConfigProperty(defaultValue = "2", description = "Sender threads pacing every stream")
    private Integer senderThreads = 2;

    @ConfigProperty(defaultValue = "0", description = "A second port answering RTSP and RTSP-over-HTTP tunnels (0 = none)")
    private Integer httpTunnelPort = 0;

    private transient volatile RtspServer tunnelServer;

    @ConfigProperty(defaultValue = "0", description = "Outgoing RTP bandwidth in kbit/s past which new streams get 453 (0 = no limit)")
    private Integer maxBandwidthKbps = 0;

    @ConfigProperty(defaultValue = "digest,basic", description = "Schemes a 401 offers where no folder rule names one, preferred first")
    private String authSchemes = "digest,basic";

    @ConfigProperty(defaultValue = "300", description = "Seconds a Digest nonce is valid; older ones get stale=true")
    private Integer authNonceSeconds = 300;

    @ConfigProperty(defaultValue = "3", description = "Failed logins from one address before each further failure is slowed")
    private Integer authFailuresBeforeDelay = 3;

    @ConfigProperty(defaultValue = "250", description = "Milliseconds added to the answer per failure past that point (at most 2000 in all)")
    private Integer authDelayMillisPerFailure = 250;

    @ConfigProperty(defaultValue = "10", description = "Failed logins from one address before it is refused with 403")
    private Integer authFailuresBeforeLockout = 10;

    @ConfigProperty(defaultValue = "60", description = "Seconds an address stays refused; failures older than this are forgotten")
    private Integer authLockoutSeconds = 60;

    @ConfigProperty(defaultValue = "false", description = "Accept Digest answers without qop=auth (RFC 2069; replayable), for old clients")
    private Boolean authDigestWithoutQop = false;

    @ConfigProperty(defaultValue = "8", description = "Threads answering RTSP and HTTP requests (the control path)")
    private Integer controlThreads = 8;

    @ConfigProperty(defaultValue = "1000", description = "Requests waiting for a control thread; more are answered 503")
    private Integer controlQueue = 1000;

    @ConfigProperty(defaultValue = "1000", description = "MP3-over-HTTP streams at once; more get 503 (0 = MP3 over HTTP off)")
    private Integer mp3MaxStreams = 1000;

    @ConfigProperty(defaultValue = "3", description = "Seconds of audio an MP3-over-HTTP stream sends at once before pacing")
    private Integer mp3BurstSeconds = 3;

    @ConfigProperty(defaultValue = "16000", description = "Audio bytes between two ICY metadata blocks (icy-metaint)")
    private Integer mp3IcyMetaint = 16000;

    @ConfigProperty(defaultValue = "60", description = "Seconds an MP3-over-HTTP listener may take no bytes before it is dropped")
    private Integer mp3StallSeconds = 60;

    @ConfigProperty(defaultValue = "10", description = "Refusals of one client address, status and folder recorded one by one per window; the rest become one record with their count (0 = record every one)")
    private Integer refusalsPerWindow = 10;

    @ConfigProperty(defaultValue = "60", description = "Seconds of a refusal window (see refusalsPerWindow)")
    private Integer refusalWindowSeconds = 60;

    @ConfigProperty(defaultValue = "15", description = "Seconds a request may take to arrive whole (and the first one after connecting); then 408 and close")
    private Integer rtspRequestTimeoutSeconds = 15;

    @ConfigProperty(defaultValue = "60", description = "Seconds an RTSP-port connection without a session may stay silent before it is closed")
    private Integer rtspIdleTimeoutSeconds = 60;

    @ConfigProperty(defaultValue = "100", description = "Connections at once from one client address on the RTSP ports; more get 503")
    private Integer rtspMaxConnectionsPerAddress = 100;

    @ConfigProperty(defaultValue = "1048576", description = "Output bytes queued for one connection; interleaved packets past it are dropped")
    private Integer rtspMaxQueuedBytesPerConnection = 1048576;

    @ConfigProperty(defaultValue = "25", description = "Output queued on all connections together, in percent of the maximum heap; packets past it are dropped")
    private Integer rtspMaxQueuedPercentOfHeap = 25;

    @ConfigProperty(defaultValue = "30", description = "Seconds a connection may take none of its queued output before it is closed")
    private Integer rtspStallSeconds = 30;

    @ConfigProperty(defaultValue = "1000", description = "RTSP-over-HTTP GET halves open at once per port; more get 503")
    private Integer rtspMaxTunnels = 1000;

    private transient AdapterConfig config;
    private transient org.tributary.server.ConnectionGuards connectionGuards;
    private transient ControlSettings controlSettings;
    private transient ControlExecutor control;
    private transient Mp3HttpSettings mp3Settings;
    private transient Mp3HttpService mp3Http;
    private transient AuthSettings authSettings;
    private transient StreamingEngine engine;
    private transient SessionRegistry sessions;
    private transient volatile boolean running;
    private transient WorkManager workManager;
    private transient RtspServer rtspServer;
    private transient AccessGate accessGate;
    private transient EventDispatcher events;
    private transient volatile Instant startedAt;
    private transient volatile UdpEndpoint udpEndpoint;
    private transient RtspMethodHandler handler;
    private transient AccessGuard accessGuard;
    private transient MediaCatalog catalog;
    /** What is at a path: a catalogue file or a running stream; RTSP resolves every path through it. */
    private transient PathRegistry paths;
    private transient CatalogueScanner scanner;
    private transient TrafficMeter meter;
    private transient BandwidthLimit bandwidth;
    private transient LiveSettings liveSettings;
    private transient RefusalFloodFilter refusalFloods;

    @Override
    public void start(BootstrapContext context) throws ResourceAdapterInternalException {
        try {
            config = AdapterConfig.of(rtspBindAddress, rtspPort, mediaRoot, maxConnections, accessCacheSeconds,
                    accessTimeoutMillis, rtpPort, sessionTimeoutSeconds, maxSessions, senderThreads, httpTunnelPort);
            if (maxSessionsPerAddress == null || maxSessionsPerAddress < 0) {
                throw new IllegalArgumentException("maxSessionsPerAddress='" + maxSessionsPerAddress
                        + "' (tributary.session.max-per-address): must be 0 (no limit) or more");
            }
            authSettings = new AuthSettings(AuthSettings.parseSchemes(authSchemes), authNonceSeconds,
                    authFailuresBeforeDelay, authDelayMillisPerFailure, authFailuresBeforeLockout, authLockoutSeconds,
                    Boolean.TRUE.equals(authDigestWithoutQop));
            controlSettings = ControlSettings.of(controlThreads, controlQueue);
            mp3Settings = new Mp3HttpSettings(mp3MaxStreams, mp3BurstSeconds, mp3IcyMetaint, mp3StallSeconds);
            connectionGuards = ConnectionLimitsConfig.of(rtspRequestTimeoutSeconds, rtspIdleTimeoutSeconds,
                    rtspMaxConnectionsPerAddress, rtspMaxQueuedBytesPerConnection, rtspMaxQueuedPercentOfHeap,
                    rtspStallSeconds, rtspMaxTunnels);
        } catch (AdapterConfig.InvalidConfigException e) {
            throw new ResourceAdapterInternalException(e.getMessage(), e);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new ResourceAdapterInternalException("invalid adapter property " + e.getMessage(), e);
        }
        workManager = context.getWorkManager();
        Executor tasks = this::runShortTask;
        accessGate = new AccessGate(tasks, config.accessCacheSeconds(), config.accessTimeoutMillis());
        sessions = new SessionRegistry(config.sessionTimeoutSeconds(), config.maxSessions());
        sessions.maxPerAddress(maxSessionsPerAddress);
        events = new EventDispatcher(tasks, EVENT_QUEUE_CAPACITY);
        SessionRegistry registry = sessions;
        sessions.onSessionEnded(ended -> events.publish(AccessRecords.ofEndedSession(ended, registry.size())));
        AccessRecords.serverHostName(); // resolves the host name now, not on a streaming thread later
        catalog = new MediaCatalog(config.mediaRoot());
        paths = new PathRegistry(catalog);
        scanner = new CatalogueScanner(catalog);
        meter = new TrafficMeter();
        if (maxBandwidthKbps == null || maxBandwidthKbps < 0) {
            throw new ResourceAdapterInternalException("invalid adapter property maxBandwidthKbps='" + maxBandwidthKbps
                    + "': must be 0 (no limit) or more");
        }
        bandwidth = new BandwidthLimit(meter, maxBandwidthKbps);
        refusalFloods = refusalFloodFilter();
        if (!Files.isDirectory(config.mediaRoot())) {
            LOG.warning("the media folder " + config.mediaRoot() + " does not exist: every DESCRIBE will get 404"
                    + " (set tributary.media.root)");
        }
        running = true;
        try {
            UdpEndpoint udp = new UdpEndpoint(config.rtspBindAddress(), config.rtpPort(), config.rtpPort() + 1);
            udpEndpoint = udp;
            engine = new StreamingEngine(config.senderThreads(), this::startLongRunning);
            // Request handlers get their own pool; access decisions stay on the short-task pool (see ControlExecutor).
            control = new ControlExecutor(controlSettings.threads(), controlSettings.queue(), this::startLongRunning);
            // One guard for RTSP and HTTP: the same nonces, failed-login counts and lockouts.
            accessGuard = AccessGuard.standard(accessGate, authSettings);
            handler = new RtspMethodHandler(accessGuard, paths, sessions, engine, udp, meter, bandwidth);
            RefusalReporter refusals = new RefusalReporter(sessions, catalog, refusalFloods);
            handler.onRefusal(refusals);
            mp3Http = new Mp3HttpService(accessGuard, catalog, engine, mp3Settings, meter, bandwidth, events::publish);
            mp3Http.onRefusal(refusals);
            handler.plainHttp(mp3Http);
            rtspServer = new RtspServer(new InetSocketAddress(config.rtspBindAddress(), config.rtspPort()),
                    config.maxConnections(), handler, control, DecoderLimits.DEFAULTS, SERVER_HEADER, connectionGuards);
            rtspServer.bind();
            startLongRunning("tributary-rtsp", rtspServer);
            if (config.httpTunnelPort() != 0) {
                // QuickTime-style clients reach the server through HTTP proxies on a port of their own.
                tunnelServer = new RtspServer(new InetSocketAddress(config.rtspBindAddress(), config.httpTunnelPort()),
                        config.maxConnections(), handler, control, DecoderLimits.DEFAULTS, SERVER_HEADER, connectionGuards);
                tunnelServer.bind();
                startLongRunning("tributary-rtsp-http", tunnelServer);
            }
            startLongRunning("tributary-rtcp", udp);
            startLongRunning("tributary-housekeeping", this::housekeeping);
        } catch (IOException | RuntimeException e) {
            stop();
            throw new ResourceAdapterInternalException("Tributary could not start: " + e.getMessage(), e);
        }
        liveSettings = new LiveSettings(this, configuredSettings());
        startedAt = Instant.now();
        LOG.info("Tributary " + VERSION + " started: RTSP on " + config.rtspBindAddress().getHostAddress() + ":"
                + rtspServer.port() + ", media from " + config.mediaRoot());
    }

    private void startLongRunning(String name, Runnable loop) {
        try {
            workManager.startWork(AdapterWork.longRunning(name, loop, () -> { }), WorkManager.INDEFINITE, null, null);
        } catch (WorkException e) {
            throw new IllegalStateException("the WorkManager refused " + name + ": " + e.getMessage(), e);
        }
    }

    /** Once a second: end sessions whose clients went silent. */
    private void housekeeping() {
        Thread.currentThread().setName("tributary-housekeeping");
        while (running) {
            try {
                Thread.sleep(1000);
                sessions.reapExpired();
                long now = System.nanoTime();
                meter.sample(now);
                sessions.sampleRates();
                mp3Http.sampleRates(now);
                refusalFloods.flushEnded();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.log(java.util.logging.Level.SEVERE, "housekeeping failed; continuing", e);
            }
        }
    }

    private void runShortTask(Runnable task) {
        try {
            workManager.scheduleWork(AdapterWork.shortTask(task));
        } catch (WorkException e) {
            throw new RejectedExecutionException("the WorkManager refused a task: " + e.getMessage(), e);
        }
    }

    @Override
    public void stop() {
        running = false;
        if (sessions != null) {
            sessions.closeAll("server stopping");
        }
        if (mp3Http != null) {
            mp3Http.closeAll("server stopping");
        }
        if (refusalFloods != null) {
            refusalFloods.flushAll();
        }
        if (rtspServer != null) {
            rtspServer.close();
        }
        if (tunnelServer != null) {
            tunnelServer.close();
        }
        if (engine != null) {
            engine.close();
        }
        if (control != null) {
            control.close();
        }
        UdpEndpoint currentUdp = udpEndpoint;
        if (currentUdp != null) {
            currentUdp.close();
        }
        if (accessGate != null) {
            accessGate.clear();
        }
        LOG.info("Tributary stopped; every socket is closed");
    }

    @Override
    public void endpointActivation(MessageEndpointFactory factory, ActivationSpec spec) throws ResourceException {
        if (accessGate == null) {
            throw new ResourceException("the adapter is not started");
        }
        if (receivesAccessRecords(factory)) {
            events.activate(factory);
        } else {
            accessGate.activate(factory);
        }
    }

    @Override
    public void endpointDeactivation(MessageEndpointFactory factory, ActivationSpec spec) {
        if (events != null && receivesAccessRecords(factory)) {
            // Records wait in the queue from now on; the EJB side takes them when it stops
            // (endSessionsAndTakeRecords), because WildFly refuses calls to a stopping bean.
            events.deactivate(factory);
        } else if (accessGate != null) {
            accessGate.deactivate(factory);
        }
    }

    private static boolean receivesAccessRecords(MessageEndpointFactory factory) {
        Class<?> c = factory.getEndpointClass();
        return c != null && SessionEventListener.class.isAssignableFrom(c);
    }

    /** Ends every session and returns the access records still queued, theirs included. */
    public java.util.List<org.tributary.api.event.AccessRecord> endSessionsAndTakeRecords(String reason) {
        if (sessions == null || events == null) {
            return java.util.List.of();
        }
        sessions.closeAll(reason);
        if (mp3Http != null) {
            mp3Http.closeAll(reason);
        }
        return events.takeAll();
    }

    @Override
    public XAResource[] getXAResources(ActivationSpec[] specs) {
        return null;
    }

    /** A live snapshot for the outbound connection. */
    public AdapterStatus status() {
        RtspServer server = rtspServer;
        if (server == null || startedAt == null) {
            throw new IllegalStateException("the adapter is not started");
        }
        return new AdapterStatus(VERSION, server.bindHost(), server.port(), startedAt, server.openConnections(),
                server.totalConnections(), sessions.size() + mp3Http.activeStreams(), server.requestsHandled(), config.mediaRoot().toString());
    }

    /** The live sessions, for the outbound connection: RTSP sessions, then MP3-over-HTTP streams. */
    public java.util.List<org.tributary.api.SessionInfo> sessionInfos() {
        if (sessions == null) {
            return java.util.List.of();
        }
        java.util.List<org.tributary.api.SessionInfo> all = new java.util.ArrayList<>();
        sessions.all().stream().map(org.tributary.session.SessionSnapshot::of).forEach(all::add);
        all.addAll(mp3Http.sessionInfos());
        return all;
    }

    /** Ends a session or an MP3-over-HTTP stream on an administrator's request; false when there is no such one. */
    public boolean closeSession(String id) {
        org.tributary.session.RtspSession session = sessions == null ? null : sessions.get(id);
        if (session == null) {
            return mp3Http != null && mp3Http.stop(id);
        }
        session.close("ended by an administrator");
        return true;
    }

    public AccessGate accessGate() {
        return accessGate;
    }

    /** Traffic counters and live counts, for the outbound connection. */
    public org.tributary.api.AdapterStatistics statistics() {
        if (startedAt == null) {
            throw new IllegalStateException("the adapter is not started");
        }
        java.util.Map<String, Integer> byTransport = new java.util.TreeMap<>();
        for (org.tributary.session.RtspSession session : sessions.all()) {
            byTransport.merge(session.transportKind(), 1, Integer::sum);
        }
        int mp3Streams = mp3Http.activeStreams();
        if (mp3Streams > 0) {
            byTransport.put(Mp3HttpService.TRANSPORT, mp3Streams);
        }
        RtspServer tunnel = tunnelServer;
        int connections = rtspServer.openConnections() + (tunnel == null ? 0 : tunnel.openConnections());
        return new org.tributary.api.AdapterStatistics(Instant.now(), meter.bytesSent(), meter.packetsSent(),
                connections, sessions.size() + mp3Streams, byTransport, meter.bitsPerSecond(), processCpuLoad());
    }

    private static double processCpuLoad() {
        try {
            var os = java.lang.management.ManagementFactory.getPlatformMXBean(
                    com.sun.management.OperatingSystemMXBean.class);
            return os == null ? -1 : os.getProcessCpuLoad();
        } catch (RuntimeException | LinkageError e) {
            return -1; // the JDK's extended bean is not visible here
        }
    }

    /** Every file of the media folder, for the outbound connection. */
    public java.util.List<org.tributary.api.MediaFileInfo> mediaCatalogue() throws IOException {
        if (scanner == null) {
            throw new IllegalStateException("the adapter is not started");
        }
        return scanner.scan();
    }

    /** What the deployment configured and what runs now. */
    public org.tributary.api.AdapterSettings settings() {
        LiveSettings live = liveSettings;
        if (live == null) {
            throw new IllegalStateException("the adapter is not started");
        }
        return new org.tributary.api.AdapterSettings(live.configured(), live.running());
    }

    /** Applies an administrator's settings; see {@link LiveSettings}. */
    public org.tributary.api.SettingsOutcome applySettings(org.tributary.api.RuntimeSettings wanted, boolean startup) {
        LiveSettings live = liveSettings;
        if (live == null) {
            throw new IllegalStateException("the adapter is not started");
        }
        return live.apply(wanted, startup);
    }

    /** The settings as the deployment's properties gave them (the actual port when 0 was configured). */
    private org.tributary.api.RuntimeSettings configuredSettings() {
        return new org.tributary.api.RuntimeSettings(config.rtspBindAddress().getHostAddress(), rtspServer.port(),
                config.rtpPort(), config.httpTunnelPort(), config.mediaRoot().toString(), config.maxConnections(),
                config.maxSessions(), maxBandwidthKbps, config.sessionTimeoutSeconds(),
                LiveSettings.schemeText(authSettings.defaultSchemes()),
                config.accessCacheSeconds(), mp3Settings.maxStreams(), mp3Settings.burstSeconds(),
                mp3Settings.icyMetaint(), mp3Settings.stallSeconds());
    }

    // The parts LiveSettings changes; package-private so that only it reaches into the running adapter.
    RtspServer rtspServer() {
        return rtspServer;
    }

    RtspServer tunnelServer() {
        return tunnelServer;
    }

    /** Starts the tunnel listener on a socket opened by {@link RtspServer#openListener}. */
    void startTunnelServer(java.nio.channels.ServerSocketChannel opened, InetSocketAddress address, int maxConnectionsNow)
            throws IOException {
        RtspServer tunnel = new RtspServer(address, maxConnectionsNow, handler,
                control, DecoderLimits.DEFAULTS, SERVER_HEADER, connectionGuards);
        tunnel.bind(opened);
        startLongRunning("tributary-rtsp-http", tunnel);
        tunnelServer = tunnel;
    }

    /** Moves RTP to a new port pair; only done at startup, when no session uses the old one. */
    void replaceUdpEndpoint(UdpEndpoint next) {
        UdpEndpoint previous = udpEndpoint;
        startLongRunning("tributary-rtcp", next);
        handler.udp(next);
        udpEndpoint = next;
        if (previous != null) {
            previous.close();
        }
    }

    SessionRegistry sessionRegistry() {
        return sessions;
    }

    AccessGuard accessGuard() {
        return accessGuard;
    }

    MediaCatalog catalog() {
        return catalog;
    }

    BandwidthLimit bandwidthLimit() {
        return bandwidth;
    }

    Mp3HttpService mp3Http() {
        return mp3Http;
    }

    public Integer getMaxBandwidthKbps() {
        return maxBandwidthKbps;
    }

    public void setMaxBandwidthKbps(Integer maxBandwidthKbps) {
        this.maxBandwidthKbps = maxBandwidthKbps;
    }

    public String getRtspBindAddress() {
        return rtspBindAddress;
    }

    public void setRtspBindAddress(String rtspBindAddress) {
        this.rtspBindAddress = rtspBindAddress;
    }

    public Integer getRtspPort() {
        return rtspPort;
    }

    public void setRtspPort(Integer rtspPort) {
        this.rtspPort = rtspPort;
    }

    public String getMediaRoot() {
        return mediaRoot;
    }

    public void setMediaRoot(String mediaRoot) {
        this.mediaRoot = mediaRoot;
    }

    public Integer getMaxConnections() {
        return maxConnections;
    }

    public void setMaxConnections(Integer maxConnections) {
        this.maxConnections = maxConnections;
    }

    public Integer getAccessCacheSeconds() {
        return accessCacheSeconds;
    }

    public void setAccessCacheSeconds(Integer accessCacheSeconds) {
        this.accessCacheSeconds = accessCacheSeconds;
    }

    public Integer getAccessTimeoutMillis() {
        return accessTimeoutMillis;
    }

    public void setAccessTimeoutMillis(Integer accessTimeoutMillis) {
        this.accessTimeoutMillis = accessTimeoutMillis;
    }

    public Integer getRtpPort() {
        return rtpPort;
    }

    public void setRtpPort(Integer rtpPort) {
        this.rtpPort = rtpPort;
    }

    public Integer getSessionTimeoutSeconds() {
        return sessionTimeoutSeconds;
    }

    public void setSessionTimeoutSeconds(Integer sessionTimeoutSeconds) {
        this.sessionTimeoutSeconds = sessionTimeoutSeconds;
    }

    public Integer getMaxSessions() {
        return maxSessions;
    }

    public void setMaxSessions(Integer maxSessions) {
        this.maxSessions = maxSessions;
    }

    public Integer getMaxSessionsPerAddress() {
        return maxSessionsPerAddress;
    }

    public void setMaxSessionsPerAddress(Integer maxSessionsPerAddress) {
        this.maxSessionsPerAddress = maxSessionsPerAddress;
    }

    public Integer getSenderThreads() {
        return senderThreads;
    }

    public void setSenderThreads(Integer senderThreads) {
        this.senderThreads = senderThreads;
    }

    public Integer getHttpTunnelPort() {
        return httpTunnelPort;
    }

    public void setHttpTunnelPort(Integer httpTunnelPort) {
        this.httpTunnelPort = httpTunnelPort;
    }

    public String getAuthSchemes() {
        return authSchemes;
    }

    public void setAuthSchemes(String authSchemes) {
        this.authSchemes = authSchemes;
    }

    public Integer getAuthNonceSeconds() {
        return authNonceSeconds;
    }

    public void setAuthNonceSeconds(Integer authNonceSeconds) {
        this.authNonceSeconds = authNonceSeconds;
    }

    public Integer getAuthFailuresBeforeDelay() {
        return authFailuresBeforeDelay;
    }

    public void setAuthFailuresBeforeDelay(Integer authFailuresBeforeDelay) {
        this.authFailuresBeforeDelay = authFailuresBeforeDelay;
    }

    public Integer getAuthDelayMillisPerFailure() {
        return authDelayMillisPerFailure;
    }

    public void setAuthDelayMillisPerFailure(Integer authDelayMillisPerFailure) {
        this.authDelayMillisPerFailure = authDelayMillisPerFailure;
    }

    public Integer getAuthFailuresBeforeLockout() {
        return authFailuresBeforeLockout;
    }

    public void setAuthFailuresBeforeLockout(Integer authFailuresBeforeLockout) {
        this.authFailuresBeforeLockout = authFailuresBeforeLockout;
    }

    public Integer getAuthLockoutSeconds() {
        return authLockoutSeconds;
    }

    public void setAuthLockoutSeconds(Integer authLockoutSeconds) {
        this.authLockoutSeconds = authLockoutSeconds;
    }

    public Boolean getAuthDigestWithoutQop() {
        return authDigestWithoutQop;
    }

    public void setAuthDigestWithoutQop(Boolean authDigestWithoutQop) {
        this.authDigestWithoutQop = authDigestWithoutQop;
    }

    public Integer getControlThreads() {
        return controlThreads;
    }

    public void setControlThreads(Integer controlThreads) {
        this.controlThreads = controlThreads;
    }

    public Integer getControlQueue() {
        return controlQueue;
    }

    public void setControlQueue(Integer controlQueue) {
        this.controlQueue = controlQueue;
    }

    public Integer getMp3MaxStreams() {
        return mp3MaxStreams;
    }

    public void setMp3MaxStreams(Integer mp3MaxStreams) {
        this.mp3MaxStreams = mp3MaxStreams;
    }

    public Integer getMp3BurstSeconds() {
        return mp3BurstSeconds;
    }

    public void setMp3BurstSeconds(Integer mp3BurstSeconds) {
        this.mp3BurstSeconds = mp3BurstSeconds;
    }

    public Integer getMp3IcyMetaint() {
        return mp3IcyMetaint;
    }

    public void setMp3IcyMetaint(Integer mp3IcyMetaint) {
        this.mp3IcyMetaint = mp3IcyMetaint;
    }

    public Integer getMp3StallSeconds() {
        return mp3StallSeconds;
    }

    public void setMp3StallSeconds(Integer mp3StallSeconds) {
        this.mp3StallSeconds = mp3StallSeconds;
    }

    /** Folds floods of refusals into counted records before they reach the access log and the history. */
    private RefusalFloodFilter refusalFloodFilter() throws ResourceAdapterInternalException {
        if (refusalsPerWindow == null || refusalsPerWindow < 0) {
            throw new ResourceAdapterInternalException("invalid adapter property refusalsPerWindow"
                    + " (tributary.refusals.per-window)='" + refusalsPerWindow + "': must be 0 (record every refusal) or more");
        }
        if (refusalWindowSeconds == null || refusalWindowSeconds < 1 || refusalWindowSeconds > 86_400) {
            throw new ResourceAdapterInternalException("invalid adapter property refusalWindowSeconds"
                    + " (tributary.refusals.window-seconds)='" + refusalWindowSeconds + "': must be 1 to 86400");
        }
        EventDispatcher dispatcher = events;
        return new RefusalFloodFilter(dispatcher::publish, refusalsPerWindow, refusalWindowSeconds);
    }

    public Integer getRefusalsPerWindow() {
        return refusalsPerWindow;
    }

    public void setRefusalsPerWindow(Integer refusalsPerWindow) {
        this.refusalsPerWindow = refusalsPerWindow;
    }

    public Integer getRefusalWindowSeconds() {
        return refusalWindowSeconds;
    }

    public void setRefusalWindowSeconds(Integer refusalWindowSeconds) {
        this.refusalWindowSeconds = refusalWindowSeconds;
    }

    public Integer getRtspRequestTimeoutSeconds() {
        return rtspRequestTimeoutSeconds;
    }

    public void setRtspRequestTimeoutSeconds(Integer rtspRequestTimeoutSeconds) {
        this.rtspRequestTimeoutSeconds = rtspRequestTimeoutSeconds;
    }

    public Integer getRtspIdleTimeoutSeconds() {
        return rtspIdleTimeoutSeconds;
    }

    public void setRtspIdleTimeoutSeconds(Integer rtspIdleTimeoutSeconds) {
        this.rtspIdleTimeoutSeconds = rtspIdleTimeoutSeconds;
    }

    public Integer getRtspMaxConnectionsPerAddress() {
        return rtspMaxConnectionsPerAddress;
    }

    public void setRtspMaxConnectionsPerAddress(Integer rtspMaxConnectionsPerAddress) {
        this.rtspMaxConnectionsPerAddress = rtspMaxConnectionsPerAddress;
    }

    public Integer getRtspMaxQueuedBytesPerConnection() {
        return rtspMaxQueuedBytesPerConnection;
    }

    public void setRtspMaxQueuedBytesPerConnection(Integer rtspMaxQueuedBytesPerConnection) {
        this.rtspMaxQueuedBytesPerConnection = rtspMaxQueuedBytesPerConnection;
    }

    public Integer getRtspMaxQueuedPercentOfHeap() {
        return rtspMaxQueuedPercentOfHeap;
    }

    public void setRtspMaxQueuedPercentOfHeap(Integer rtspMaxQueuedPercentOfHeap) {
        this.rtspMaxQueuedPercentOfHeap = rtspMaxQueuedPercentOfHeap;
    }

    public Integer getRtspStallSeconds() {
        return rtspStallSeconds;
    }

    public void setRtspStallSeconds(Integer rtspStallSeconds) {
        this.rtspStallSeconds = rtspStallSeconds;
    }

    public Integer getRtspMaxTunnels() {
        return rtspMaxTunnels;
    }

    public void setRtspMaxTunnels(Integer rtspMaxTunnels) {
        this.rtspMaxTunnels = rtspMaxTunnels;
    }

    // The JCA spec (§19.4.2) requires equals/hashCode on the adapter bean, based on its configuration.
    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof TributaryResourceAdapter other)) {
            return false;
        }
        return Objects.equals(rtspBindAddress, other.rtspBindAddress) && Objects.equals(rtspPort, other.rtspPort)
                && Objects.equals(mediaRoot, other.mediaRoot) && Objects.equals(maxConnections, other.maxConnections)
                && Objects.equals(accessCacheSeconds, other.accessCacheSeconds)
                && Objects.equals(accessTimeoutMillis, other.accessTimeoutMillis) && Objects.equals(rtpPort, other.rtpPort)
                && Objects.equals(sessionTimeoutSeconds, other.sessionTimeoutSeconds)
                && Objects.equals(maxSessions, other.maxSessions) && Objects.equals(senderThreads, other.senderThreads)
                && Objects.equals(httpTunnelPort, other.httpTunnelPort)
                && Objects.equals(maxBandwidthKbps, other.maxBandwidthKbps)
                && Objects.equals(authSchemes, other.authSchemes) && Objects.equals(authNonceSeconds, other.authNonceSeconds)
                && Objects.equals(authFailuresBeforeDelay, other.authFailuresBeforeDelay)
                && Objects.equals(authDelayMillisPerFailure, other.authDelayMillisPerFailure)
                && Objects.equals(authFailuresBeforeLockout, other.authFailuresBeforeLockout)
                && Objects.equals(authLockoutSeconds, other.authLockoutSeconds)
                && Objects.equals(authDigestWithoutQop, other.authDigestWithoutQop)
                && Objects.equals(controlThreads, other.controlThreads) && Objects.equals(controlQueue, other.controlQueue)
                && Objects.equals(mp3MaxStreams, other.mp3MaxStreams) && Objects.equals(mp3BurstSeconds, other.mp3BurstSeconds)
                && Objects.equals(mp3IcyMetaint, other.mp3IcyMetaint) && Objects.equals(mp3StallSeconds, other.mp3StallSeconds);
    }

    @Override
    public int hashCode() {
        return Objects.hash(rtspBindAddress, rtspPort, mediaRoot, maxConnections, accessCacheSeconds,
                accessTimeoutMillis, rtpPort, sessionTimeoutSeconds, maxSessions, senderThreads, httpTunnelPort, maxBandwidthKbps, authSchemes,
                authNonceSeconds, authFailuresBeforeDelay, authDelayMillisPerFailure, authFailuresBeforeLockout,
                authLockoutSeconds, mp3MaxStreams, mp3BurstSeconds, mp3IcyMetaint, mp3StallSeconds, authDigestWithoutQop,
                controlThreads, controlQueue);
    }
}
