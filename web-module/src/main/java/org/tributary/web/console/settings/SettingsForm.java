package org.tributary.web.console.settings;

import org.tributary.ejb.settings.ServerSettings;

import java.io.Serializable;

/** The Settings form's fields; numbers are Integers so Faces converts them (and says when it cannot). */
public class SettingsForm implements Serializable {

    private String rtspBindAddress;
    private Integer rtspPort;
    private Integer rtpPort;
    private Integer httpTunnelPort;
    private String mediaRoot;
    private Integer maxConnections;
    private Integer maxSessions;
    private Integer maxBandwidthKbps;
    private Integer sessionTimeoutSeconds;
    private String authSchemes;
    private Integer accessCacheSeconds;
    private Integer mp3MaxStreams;
    private Integer mp3BurstSeconds;
    private Integer mp3IcyMetaint;
    private Integer mp3StallSeconds;

    static SettingsForm of(ServerSettings s) {
        SettingsForm f = new SettingsForm();
        f.rtspBindAddress = s.rtspBindAddress();
        f.rtspPort = s.rtspPort();
        f.rtpPort = s.rtpPort();
        f.httpTunnelPort = s.httpTunnelPort();
        f.mediaRoot = s.mediaRoot();
        f.maxConnections = s.maxConnections();
        f.maxSessions = s.maxSessions();
        f.maxBandwidthKbps = s.maxBandwidthKbps();
        f.sessionTimeoutSeconds = s.sessionTimeoutSeconds();
        f.authSchemes = s.authSchemes();
        f.accessCacheSeconds = s.accessCacheSeconds();
        f.mp3MaxStreams = s.mp3MaxStreams();
        f.mp3BurstSeconds = s.mp3BurstSeconds();
        f.mp3IcyMetaint = s.mp3IcyMetaint();
        f.mp3StallSeconds = s.mp3StallSeconds();
        return f;
    }

    /** The settings the form says (every field is required by the page, so none is null here). */
    ServerSettings settings() {
        return new ServerSettings(trim(rtspBindAddress), rtspPort, rtpPort, httpTunnelPort, trim(mediaRoot),
                maxConnections, maxSessions, maxBandwidthKbps, sessionTimeoutSeconds, trim(authSchemes),
                accessCacheSeconds, mp3MaxStreams, mp3BurstSeconds, mp3IcyMetaint, mp3StallSeconds);
    }

    private static String trim(String s) {
        return s == null ? "" : s.trim();
    }

    public String getRtspBindAddress() { return rtspBindAddress; }
    public void setRtspBindAddress(String v) { rtspBindAddress = v; }
    public Integer getRtspPort() { return rtspPort; }
    public void setRtspPort(Integer v) { rtspPort = v; }
    public Integer getRtpPort() { return rtpPort; }
    public void setRtpPort(Integer v) { rtpPort = v; }
    public Integer getHttpTunnelPort() { return httpTunnelPort; }
    public void setHttpTunnelPort(Integer v) { httpTunnelPort = v; }
    public String getMediaRoot() { return mediaRoot; }
    public void setMediaRoot(String v) { mediaRoot = v; }
    public Integer getMaxConnections() { return maxConnections; }
    public void setMaxConnections(Integer v) { maxConnections = v; }
    public Integer getMaxSessions() { return maxSessions; }
    public void setMaxSessions(Integer v) { maxSessions = v; }
    public Integer getMaxBandwidthKbps() { return maxBandwidthKbps; }
    public void setMaxBandwidthKbps(Integer v) { maxBandwidthKbps = v; }
    public Integer getSessionTimeoutSeconds() { return sessionTimeoutSeconds; }
    public void setSessionTimeoutSeconds(Integer v) { sessionTimeoutSeconds = v; }
    public String getAuthSchemes() { return authSchemes; }
    public void setAuthSchemes(String v) { authSchemes = v; }
    public Integer getAccessCacheSeconds() { return accessCacheSeconds; }
    public void setAccessCacheSeconds(Integer v) { accessCacheSeconds = v; }
    public Integer getMp3MaxStreams() { return mp3MaxStreams; }
    public void setMp3MaxStreams(Integer v) { mp3MaxStreams = v; }
    public Integer getMp3BurstSeconds() { return mp3BurstSeconds; }
    public void setMp3BurstSeconds(Integer v) { mp3BurstSeconds = v; }
    public Integer getMp3IcyMetaint() { return mp3IcyMetaint; }
    public void setMp3IcyMetaint(Integer v) { mp3IcyMetaint = v; }
    public Integer getMp3StallSeconds() { return mp3StallSeconds; }
    public void setMp3StallSeconds(Integer v) { mp3StallSeconds = v; }
}
