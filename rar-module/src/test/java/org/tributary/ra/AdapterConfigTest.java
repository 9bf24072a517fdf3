package org.tributary.ra;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AdapterConfigTest {

    @Test
    void validValuesAreAccepted() throws Exception {
        AdapterConfig c = AdapterConfig.of("127.0.0.1", 8554, "media", 10, 5, 1000, 6970, 60, 100, 2, 0);
        assertEquals(8554, c.rtspPort());
        assertTrue(c.mediaRoot().isAbsolute());
    }

    @Test
    void badValuesNameTheProperty() {
        assertTrue(assertThrows(AdapterConfig.InvalidConfigException.class,
                () -> AdapterConfig.of("127.0.0.1", 70000, "media", 10, 5, 1000, 6970, 60, 100, 2, 0)).getMessage().contains("rtspPort"));
        assertTrue(assertThrows(AdapterConfig.InvalidConfigException.class,
                () -> AdapterConfig.of("no such host.invalid", 8554, "media", 10, 5, 1000, 6970, 60, 100, 2, 0)).getMessage()
                .contains("rtspBindAddress"));
        assertTrue(assertThrows(AdapterConfig.InvalidConfigException.class,
                () -> AdapterConfig.of("127.0.0.1", 8554, " ", 10, 5, 1000, 6970, 60, 100, 2, 0)).getMessage().contains("mediaRoot"));
        assertTrue(assertThrows(AdapterConfig.InvalidConfigException.class,
                () -> AdapterConfig.of("127.0.0.1", 8554, "m", 0, 5, 1000, 6970, 60, 100, 2, 0)).getMessage().contains("maxConnections"));
        assertTrue(assertThrows(AdapterConfig.InvalidConfigException.class,
                () -> AdapterConfig.of("127.0.0.1", 8554, "m", 1, 5, 1000, 6971, 60, 100, 2, 0)).getMessage().contains("rtpPort"));
    }

    @Test
    void ironjacamarDefaultsMatchTheAdapterDefaults() throws Exception {
        String xml = new String(getClass().getResourceAsStream("/META-INF/ironjacamar.xml") == null
                ? java.nio.file.Files.readAllBytes(java.nio.file.Path.of("src/main/rar/META-INF/ironjacamar.xml"))
                : getClass().getResourceAsStream("/META-INF/ironjacamar.xml").readAllBytes());
        TributaryResourceAdapter ra = new TributaryResourceAdapter();
        assertTrue(xml.contains("${tributary.rtsp.bind-address:" + ra.getRtspBindAddress() + "}"));
        assertTrue(xml.contains("${tributary.rtsp.port:" + ra.getRtspPort() + "}"));
        assertTrue(xml.contains("${tributary.media.root:" + ra.getMediaRoot() + "}"));
        assertTrue(xml.contains("${tributary.rtsp.max-connections:" + ra.getMaxConnections() + "}"));
        assertTrue(xml.contains("${tributary.access.cache-seconds:" + ra.getAccessCacheSeconds() + "}"));
        assertTrue(xml.contains("${tributary.access.timeout-millis:" + ra.getAccessTimeoutMillis() + "}"));
        assertTrue(xml.contains("${tributary.rtp.port:" + ra.getRtpPort() + "}"));
        assertTrue(xml.contains("${tributary.session.timeout-seconds:" + ra.getSessionTimeoutSeconds() + "}"));
        assertTrue(xml.contains("${tributary.session.max:" + ra.getMaxSessions() + "}"));
        assertTrue(xml.contains("${tributary.session.max-per-address:" + ra.getMaxSessionsPerAddress() + "}"));
        assertTrue(xml.contains("${tributary.engine.sender-threads:" + ra.getSenderThreads() + "}"));
        assertTrue(xml.contains("${tributary.rtsp.http-tunnel-port:" + ra.getHttpTunnelPort() + "}"));
        assertTrue(xml.contains("${tributary.mp3.max-streams:" + ra.getMp3MaxStreams() + "}"));
        assertTrue(xml.contains("${tributary.mp3.burst-seconds:" + ra.getMp3BurstSeconds() + "}"));
        assertTrue(xml.contains("${tributary.mp3.icy-metaint:" + ra.getMp3IcyMetaint() + "}"));
        assertTrue(xml.contains("${tributary.mp3.stall-seconds:" + ra.getMp3StallSeconds() + "}"));
        assertTrue(xml.contains("${tributary.refusals.per-window:" + ra.getRefusalsPerWindow() + "}"));
        assertTrue(xml.contains("${tributary.refusals.window-seconds:" + ra.getRefusalWindowSeconds() + "}"));
    }
}
