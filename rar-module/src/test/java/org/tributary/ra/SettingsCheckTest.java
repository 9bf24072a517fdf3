package org.tributary.ra;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tributary.api.settings.SettingValues;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The adapter's check of an administrator's settings: every field, with a message each. */
class SettingsCheckTest {

    @TempDir
    Path media;

    /** Ports listed as taken are "in use"; only loopback and the wildcard are local. */
    private final Set<Integer> takenTcp = new HashSet<>();
    private final Set<Integer> takenUdp = new HashSet<>();
    private final Set<Integer> probedTcp = new HashSet<>();

    private final SettingsCheck validator = new SettingsCheck(new SettingsCheck.Probe() {
        @Override
        public String tcpPortProblem(InetAddress address, int port) {
            probedTcp.add(port);
            return takenTcp.contains(port) ? "Address already in use" : null;
        }

        @Override
        public String udpPortProblem(InetAddress address, int port) {
            return takenUdp.contains(port) ? "Address already in use" : null;
        }

        @Override
        public boolean isLocal(InetAddress address) {
            return address.isAnyLocalAddress() || address.isLoopbackAddress();
        }
    });

    private SettingValues good() {
        return SettingValues.editableDefaults().withAll(Map.of("httpTunnelPort", "8001", "mediaRoot",
                media.toString()));
    }

    private SettingValues with(String field, Object value) {
        return good().with(field, String.valueOf(value));
    }

    private SettingValues with(Map<String, String> fields) {
        return good().withAll(fields);
    }

    @Test
    void acceptsGoodSettingsWithoutProbingPortsInUseByTheServerItself() {
        takenTcp.add(8554);
        takenTcp.add(8001);
        assertEquals(Map.of(), validator.validate(good(), good()));
        assertTrue(probedTcp.isEmpty(), "unchanged ports are the server's own: " + probedTcp);
    }

    @Test
    void eachBadFieldGetsItsOwnMessage() {
        Map<String, String> errors = validator.validate(with(Map.ofEntries(Map.entry("rtspBindAddress",
                "999.1.1.1"), Map.entry("rtspPort", "0"), Map.entry("rtpPort", "6971"), Map.entry("httpTunnelPort", "70000"),
                Map.entry("mediaRoot", media.resolve("missing").toString()), Map.entry("maxConnections", "0"),
                Map.entry("maxSessions", "-1"), Map.entry("maxBandwidthKbps", "-5"),
                Map.entry("sessionTimeoutSeconds", "2"), Map.entry("authSchemes", "ntlm"),
                Map.entry("accessCacheSeconds", "100000"), Map.entry("rtspIdleTimeoutSeconds", "x"))), good());
        assertEquals(Set.of("rtspBindAddress", "rtspPort", "rtpPort", "httpTunnelPort", "mediaRoot", "maxConnections",
                "maxSessions", "maxBandwidthKbps", "sessionTimeoutSeconds", "rtspIdleTimeoutSeconds", "authSchemes",
                "accessCacheSeconds"), errors.keySet(), errors.toString());
        assertTrue(errors.get("rtpPort").contains("even"), errors.get("rtpPort"));
        assertTrue(errors.get("mediaRoot").contains("no such folder"), errors.get("mediaRoot"));
        assertTrue(errors.get("authSchemes").contains("'ntlm'"), errors.get("authSchemes"));
        assertTrue(errors.get("sessionTimeoutSeconds").contains("between 5 and 86400"), errors.get("sessionTimeoutSeconds"));
    }

    @Test
    void addressMustBeALiteralOfThisHost() {
        assertTrue(validator.validate(with("rtspBindAddress", "example.com"), good()).get("rtspBindAddress")
                .contains("not an IP address"));
        assertTrue(validator.validate(with("rtspBindAddress", "10.99.99.99"), good()).get("rtspBindAddress")
                .contains("not an address of this host"));
        assertNull(validator.validate(with("rtspBindAddress", "127.0.0.1"), good()).get("rtspBindAddress"));
        assertNull(validator.validate(with("rtspBindAddress", "::"), good()).get("rtspBindAddress"));
    }

    @Test
    void changedPortsMustBeFreeAndDistinct() {
        takenTcp.add(9000);
        takenUdp.add(7001);
        assertTrue(validator.validate(with("rtspPort", 9000), good()).get("rtspPort").contains("not free"));
        assertTrue(validator.validate(with("httpTunnelPort", 8554), good()).get("httpTunnelPort")
                .contains("must differ"));
        assertTrue(validator.validate(with("rtpPort", 7000), good()).get("rtpPort").contains("7000-7001"));
        assertEquals(Map.of(), validator.validate(with("httpTunnelPort", 0), good()), "0 turns the tunnel off");
    }

    @Test
    void theRtspsPortMustDifferFromThePlainPorts() {
        assertTrue(validator.validate(with("rtspsPort", 8554), good()).get("rtspsPort").contains("must differ"));
        assertTrue(validator.validate(with("rtspsPort", 8001), good()).get("rtspsPort").contains("must differ"));
        assertEquals(Map.of(), validator.validate(with("rtspsPort", 0), good()), "0 turns RTSPS off");
    }

    @Test
    void mediaRootMustBeAnAbsoluteFolder() throws Exception {
        Path file = Files.createFile(media.resolve("a.mp4"));
        assertTrue(validator.validate(with("mediaRoot", file), good()).get("mediaRoot").contains("not a folder"));
        assertTrue(validator.validate(with("mediaRoot", "relative/dir"), good()).get("mediaRoot").contains("absolute"));
        assertTrue(validator.validate(with("mediaRoot", " "), good()).get("mediaRoot").contains("must be set"));
    }

    @Test
    void limitsAtTheirBounds() {
        assertEquals(Map.of(), validator.validate(with("maxBandwidthKbps", 0), good()));
        assertEquals(Map.of(), validator.validate(with("sessionTimeoutSeconds", 5), good()));
        assertEquals(Map.of(), validator.validate(with("accessCacheSeconds", 0), good()));
        assertEquals(Set.of("maxConnections"), validator.validate(with("maxConnections", 1_000_001), good()).keySet());
    }

    @Test
    void schemesAreNormalized() {
        assertEquals("basic digest", SettingsCheck.normalizeSchemes(" Basic,DIGEST basic "));
        assertThrows(IllegalArgumentException.class, () -> SettingsCheck.normalizeSchemes(" , "));
        assertEquals("digest", SettingsCheck.normalized(with("authSchemes", " DIGEST ")).text("authSchemes"));
    }

    @Test
    void mp3LimitsAreCheckedFieldByField() {
        Map<String, String> errors = validator.validate(with(Map.of("mp3MaxStreams", "-1", "mp3BurstSeconds", "61",
                "mp3IcyMetaint", "100", "mp3StallSeconds", "0")), good());
        assertEquals(Set.of("mp3MaxStreams", "mp3BurstSeconds", "mp3IcyMetaint", "mp3StallSeconds"), errors.keySet(),
                errors.toString());
        assertTrue(errors.get("mp3MaxStreams").contains("0 (MP3 over HTTP off)"), errors.get("mp3MaxStreams"));
        assertTrue(errors.get("mp3BurstSeconds").contains("and 60"), errors.get("mp3BurstSeconds"));
        assertTrue(errors.get("mp3IcyMetaint").contains("between 256 and 65536"), errors.get("mp3IcyMetaint"));
        assertTrue(errors.get("mp3StallSeconds").contains("between 1 and 3600"), errors.get("mp3StallSeconds"));
        assertEquals(Map.of(), validator.validate(with(Map.of("mp3MaxStreams", "0", "mp3BurstSeconds", "0",
                "mp3IcyMetaint", "256", "mp3StallSeconds", "1")), good()), "lower bounds");
        assertEquals(Map.of(), validator.validate(with(Map.of("mp3MaxStreams", "1000000", "mp3BurstSeconds", "60",
                "mp3IcyMetaint", "65536", "mp3StallSeconds", "3600")), good()), "upper bounds");
    }

    @Test
    void multicastSettingsNeedAMulticastRangeAnEvenBasePortAndAnInterfaceOfThisHost() {
        Map<String, String> errors = validator.validate(with(Map.of("multicastRange", "10.1.2.0/24",
                "multicastPortFirst", "22001", "multicastInterface", "no-such-nic0")), good());
        assertEquals(Set.of("multicastRange", "multicastPortFirst", "multicastInterface"), errors.keySet(),
                errors.toString());
        assertTrue(errors.get("multicastRange").contains("not a multicast range"), errors.get("multicastRange"));
        assertTrue(errors.get("multicastPortFirst").contains("even"), errors.get("multicastPortFirst"));
        assertTrue(errors.get("multicastInterface").contains("'no-such-nic0'"), errors.get("multicastInterface"));
        assertTrue(validator.validate(with(Map.of("multicastPortFirst", "22000", "multicastPortLast", "22000")), good())
                .get("multicastPortLast").contains("at least one RTP/RTCP pair"));
        assertEquals(Map.of(), validator.validate(with(Map.of("multicastRange", "239.1.1.1-239.1.1.9",
                "multicastInterface", "lo")), good()));
    }

    @Test
    void multicastOnlyPathsArePlainPathPrefixes() {
        assertTrue(validator.validate(with(Map.of("multicastOnlyPaths", "live/a,../b")), good())
                .get("multicastOnlyPaths").contains("'../b' is not a plain path"));
        assertEquals(Map.of(), validator.validate(with(Map.of("multicastOnlyPaths", "live/allhands, live/town")), good()));
    }
}
