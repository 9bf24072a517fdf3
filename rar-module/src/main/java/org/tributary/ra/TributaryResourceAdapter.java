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
import org.tributary.api.event.SessionEventListener;
import org.tributary.api.settings.SettingValues;

import javax.transaction.xa.XAResource;
import java.io.IOException;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.logging.Logger;

/**
 * The Tributary resource adapter bean: the JCA config properties (one per entry of
 * {@link org.tributary.api.settings.SettingsSchema}, set from ironjacamar.xml) and the JCA life cycle.
 * {@link #start} validates the properties ({@link DeployedSettings}) and has {@link AdapterComponents} build and
 * start everything; {@link #stop} closes every socket so a redeploy can bind the same port at once.
 * Message-driven beans implementing the listener interfaces of {@code org.tributary.api} are wired in through
 * {@link #endpointActivation}; the outbound connection reaches the running adapter through {@link #facade()}.
 */
@Connector(displayName = "Tributary streaming server", vendorName = "Tributary", eisType = "RTSP/RTP streaming",
        version = "0.1.0", transactionSupport = TransactionSupport.TransactionSupportLevel.NoTransaction)
public class TributaryResourceAdapter implements ResourceAdapter, Serializable {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(TributaryResourceAdapter.class.getName());
    public static final String VERSION = "0.1.0";

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

    @ConfigProperty(defaultValue = "0", description = "Outgoing RTP bandwidth in kbit/s past which new streams get 453 (0 = no limit)")
    private Integer maxBandwidthKbps = 0;

    @ConfigProperty(defaultValue = "digest basic", description = "Schemes a 401 offers where no folder rule names one, preferred first")
    private String authSchemes = "digest basic";

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

    private transient volatile AdapterComponents components;
    private transient volatile AdapterFacade facade;

    @Override
    public void start(BootstrapContext context) throws ResourceAdapterInternalException {
        SettingValues deployed;
        try {
            deployed = DeployedSettings.of(this);
        } catch (DeployedSettings.InvalidConfigException e) {
            throw new ResourceAdapterInternalException(e.getMessage(), e);
        }
        AdapterComponents started = null;
        try {
            started = new AdapterComponents(deployed, context.getWorkManager());
            components = started;
            started.start();
            LiveSettings live = new LiveSettings(started, started.liveAppliers(), new SettingsCheck(new SocketProbe()),
                    started.configured());
            facade = new AdapterFacade(started, live, Instant.now());
        } catch (IOException | RuntimeException e) {
            if (started != null) {
                started.stop();
            }
            components = null;
            throw new ResourceAdapterInternalException("Tributary could not start: " + e.getMessage(), e);
        }
        LOG.info("Tributary " + VERSION + " started: RTSP on " + started.rtspServer().bindHost() + ":"
                + started.rtspServer().port() + ", media from " + started.catalog.root());
    }

    @Override
    public void stop() {
        AdapterComponents running = components;
        facade = null;
        components = null;
        if (running != null) {
            running.stop();
        }
        LOG.info("Tributary stopped; every socket is closed");
    }

    /** The running adapter, for the outbound connection. */
    public AdapterFacade facade() {
        AdapterFacade f = facade;
        if (f == null) {
            throw new IllegalStateException("the adapter is not started");
        }
        return f;
    }

    @Override
    public void endpointActivation(MessageEndpointFactory factory, ActivationSpec spec) throws ResourceException {
        AdapterComponents running = components;
        if (running == null) {
            throw new ResourceException("the adapter is not started");
        }
        if (receivesAccessRecords(factory)) {
            running.events.activate(factory);
        } else {
            running.accessGate.activate(factory);
        }
    }

    @Override
    public void endpointDeactivation(MessageEndpointFactory factory, ActivationSpec spec) {
        AdapterComponents running = components;
        if (running == null) {
            return;
        }
        if (receivesAccessRecords(factory)) {
            // Records wait in the queue from now on; the EJB side takes them when it stops
            // (endSessionsAndTakeRecords), because WildFly refuses calls to a stopping bean.
            running.events.deactivate(factory);
        } else {
            running.accessGate.deactivate(factory);
        }
    }

    private static boolean receivesAccessRecords(MessageEndpointFactory factory) {
        Class<?> c = factory.getEndpointClass();
        return c != null && SessionEventListener.class.isAssignableFrom(c);
    }

    @Override
    public XAResource[] getXAResources(ActivationSpec[] specs) {
        return null;
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
        return this == o || o instanceof TributaryResourceAdapter other && configuration().equals(other.configuration());
    }

    @Override
    public int hashCode() {
        return configuration().hashCode();
    }

    /** Every config property's value, in schema order. */
    private List<Object> configuration() {
        return DeployedSettings.beanProperties(this);
    }
}
