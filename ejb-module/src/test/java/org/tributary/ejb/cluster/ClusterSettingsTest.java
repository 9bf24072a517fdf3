package org.tributary.ejb.cluster;

import org.junit.jupiter.api.Test;
import org.tributary.ejb.adapter.ClusterRole;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The cluster settings from system properties: roles, defaults, ranges, and one error line per bad value. */
class ClusterSettingsTest {

    private final List<String> errors = new ArrayList<>();

    private ClusterSettings read(String... keysAndValues) {
        Map<String, String> properties = new HashMap<>();
        properties.put("jboss.node.name", "edge1");
        for (int i = 0; i < keysAndValues.length; i += 2) {
            properties.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return ClusterSettings.read(properties::get, errors::add);
    }

    @Test
    void withoutARoleTheServerIsNoClusterNode() {
        ClusterSettings settings = read();
        assertFalse(settings.clustered());
        assertEquals(ClusterRole.SINGLE, settings.role());
        assertEquals(List.of(), errors);
    }

    @Test
    void aRoleThatIsNoneIsAnErrorAndASingleServer() {
        ClusterSettings settings = read("tributary.cluster.role", "master", "tributary.cluster.heartbeat-seconds", "0");
        assertFalse(settings.clustered());
        assertEquals(List.of("tributary.cluster.role is 'master': it must be origin or edge; this server runs as a"
                + " single server, not a cluster node"), errors, "the other properties are not even read");
    }

    @Test
    void theDefaults() {
        ClusterSettings settings = read("tributary.cluster.role", " Edge ");
        assertTrue(settings.clustered());
        assertEquals(ClusterRole.EDGE, settings.role());
        assertEquals("edge", settings.roleLabel());
        assertEquals("edge1", settings.nodeName());
        assertNull(settings.rtspAddress(), "this host's address and the adapter's port");
        assertTrue(settings.rtspAddress(8554).endsWith(":8554"));
        assertEquals(2, settings.heartbeatSeconds());
        assertEquals(8, settings.deadAfterSeconds());
        assertEquals(10, settings.redirectMargin());
        assertEquals(30, settings.lingerSeconds());
        assertEquals(16, settings.viewValidSeconds());
        assertEquals(List.of(), errors);
    }

    @Test
    void goodValuesAreTaken() {
        ClusterSettings settings = read("tributary.cluster.role", "origin", "tributary.cluster.rtsp-address",
                "origin.example.org:554", "tributary.cluster.heartbeat-seconds", "5",
                "tributary.cluster.dead-after-seconds", "6", "tributary.cluster.redirect-margin", "1",
                "tributary.cluster.linger-seconds", "0");
        assertEquals(new ClusterSettings(ClusterRole.ORIGIN, "edge1", "origin.example.org:554", 5, 6, 1, 0), settings);
        assertEquals("origin.example.org:554", settings.rtspAddress(8554));
        assertEquals(List.of(), errors);
    }

    @Test
    void theDeadAfterDefaultFollowsTheHeartbeat() {
        assertEquals(40, read("tributary.cluster.role", "edge", "tributary.cluster.heartbeat-seconds", "10")
                .deadAfterSeconds());
        assertEquals(List.of(), errors);
    }

    @Test
    void eachValueOutOfRangeIsOneErrorNamingPropertyValueAndRangeAndTheDefaultIsUsed() {
        ClusterSettings settings = read("tributary.cluster.role", "edge", "tributary.cluster.heartbeat-seconds", "61",
                "tributary.cluster.dead-after-seconds", "2", "tributary.cluster.redirect-margin", "0",
                "tributary.cluster.linger-seconds", "soon", "tributary.cluster.rtsp-address", "edge1.example.org");
        assertEquals(new ClusterSettings(ClusterRole.EDGE, "edge1", null, 2, 8, 10, 30), settings);
        assertEquals(List.of(
                "tributary.cluster.heartbeat-seconds is '61': it must be a whole number 1..60; using 2",
                "tributary.cluster.dead-after-seconds is '2': it must be a whole number 3..3600; using 8",
                "tributary.cluster.redirect-margin is '0': it must be a whole number >= 1; using 10",
                "tributary.cluster.linger-seconds is 'soon': it must be a whole number 0..3600; using 30",
                "tributary.cluster.rtsp-address is 'edge1.example.org': it must be host:port; using this host's"
                        + " address and the RTSP port"), errors);
    }

    @Test
    void anAddressWithABadPortIsRefused() {
        read("tributary.cluster.role", "edge", "tributary.cluster.rtsp-address", "10.0.0.2:70000");
        read("tributary.cluster.role", "edge", "tributary.cluster.rtsp-address", "10.0.0.2:rtsp");
        assertEquals(2, errors.size());
        assertTrue(errors.get(0).contains("its port must be 1..65535"), errors.get(0));
        assertTrue(errors.get(1).contains("its port must be a whole number 1..65535"), errors.get(1));
    }

    @Test
    void theDeadAfterTimeMustExceedTheHeartbeat() {
        ClusterSettings settings = read("tributary.cluster.role", "edge", "tributary.cluster.heartbeat-seconds", "5",
                "tributary.cluster.dead-after-seconds", "5");
        assertEquals(20, settings.deadAfterSeconds());
        assertEquals(List.of("tributary.cluster.dead-after-seconds is '5': it must be a whole number 6..3600; using 20"),
                errors);
    }
}
