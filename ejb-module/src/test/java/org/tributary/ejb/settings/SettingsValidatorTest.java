package org.tributary.ejb.settings;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

class SettingsValidatorTest {

    @TempDir
    Path media;

    /** Ports listed as taken are "in use"; only loopback and the wildcard are local. */
    private final Set<Integer> takenTcp = new HashSet<>();
    private final Set<Integer> takenUdp = new HashSet<>();
    private final Set<Integer> probedTcp = new HashSet<>();

    private final SettingsValidator validator = new SettingsValidator(new SettingsValidator.Probe() {
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

    private ServerSettings good() {
        return new ServerSettings("0.0.0.0", 8554, 6970, 8001, media.toString(), 5000, 10000, 0, 60, "digest basic", 10);
    }

    private ServerSettings with(String field, Object value) {
        Map<String, String> text = new java.util.HashMap<>(good().asText());
        text.put(field, String.valueOf(value));
        return good().overriddenBy(text, (f, v) -> { throw new AssertionError(f); });
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
        Map<String, String> errors = validator.validate(new ServerSettings("999.1.1.1", 0, 6971, 70_000,
                media.resolve("missing").toString(), 0, -1, -5, 2, "ntlm", 100_000), good());
        assertEquals(Set.of("rtspBindAddress", "rtspPort", "rtpPort", "httpTunnelPort", "mediaRoot", "maxConnections",
                "maxSessions", "maxBandwidthKbps", "sessionTimeoutSeconds", "authSchemes", "accessCacheSeconds"),
                errors.keySet(), errors.toString());
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
        assertEquals("basic digest", SettingsValidator.normalizeSchemes(" Basic,DIGEST basic "));
        assertThrows(IllegalArgumentException.class, () -> SettingsValidator.normalizeSchemes(" , "));
    }

    @Test
    void differencesNameTheChangedFields() {
        assertEquals(java.util.List.of("rtpPort", "maxSessions"),
                good().differencesFrom(new ServerSettings("0.0.0.0", 8554, 7000, 8001, media.toString(), 5000, 1, 0, 60,
                        "digest basic", 10)));
    }

    @Test
    void mp3LimitsAreCheckedFieldByField() {
        Map<String, String> errors = validator.validate(good().withMp3(-1, 61, 100, 0), good());
        assertEquals(Set.of("mp3MaxStreams", "mp3BurstSeconds", "mp3IcyMetaint", "mp3StallSeconds"), errors.keySet(),
                errors.toString());
        assertTrue(errors.get("mp3MaxStreams").contains("0 (MP3 over HTTP off)"), errors.get("mp3MaxStreams"));
        assertTrue(errors.get("mp3BurstSeconds").contains("and 60 seconds"), errors.get("mp3BurstSeconds"));
        assertTrue(errors.get("mp3IcyMetaint").contains("between 256 and 65536 bytes"), errors.get("mp3IcyMetaint"));
        assertTrue(errors.get("mp3StallSeconds").contains("between 1 and 3600"), errors.get("mp3StallSeconds"));
        assertEquals(Map.of(), validator.validate(good().withMp3(0, 0, 256, 1), good()), "lower bounds");
        assertEquals(Map.of(), validator.validate(good().withMp3(1_000_000, 60, 65_536, 3600), good()), "upper bounds");
    }

    @Test
    void theOldConstructorTakesTheMp3DefaultsAndTheFieldsRoundTripAsText() {
        ServerSettings old = good();
        assertEquals(java.util.List.of(1000, 3, 16000, 60), java.util.List.of(old.mp3MaxStreams(),
                old.mp3BurstSeconds(), old.mp3IcyMetaint(), old.mp3StallSeconds()));
        ServerSettings changed = good().overriddenBy(Map.of("mp3MaxStreams", "1", "mp3IcyMetaint", "8192"),
                (f, v) -> { throw new AssertionError(f); });
        assertEquals(good().withMp3(1, 3, 8192, 60), changed);
        assertEquals(java.util.List.of("mp3MaxStreams", "mp3IcyMetaint"), changed.differencesFrom(good()));
        assertEquals(changed, ServerSettings.of(changed.toRuntime()), "through the adapter's form and back");
    }
}
