package org.tributary.ejb.relays;

import org.junit.jupiter.api.Test;
import org.tributary.api.RelayDefinition;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RelayFieldsTest {

    private static RelaySpec spec(String name, String path, String url, String transport, int linger) {
        return new RelaySpec(name, RelayDefinition.Direction.PULL, path, url, "cam", "s3cret", transport, true, linger, true);
    }

    @Test
    void aGoodRelayHasNoProblems() {
        assertEquals(Map.of(), RelayFields.problems(spec("cam-1.a_b", "live/cam1.sdp", "rtsp://10.0.0.5:8554/stream1", "tcp", 30)));
        assertEquals(Map.of(), RelayFields.problems(spec("x", "a..b/x..sdp", "rtsps://cam.example.org/s", "udp", 0)));
        assertEquals(Map.of(), RelayFields.problems(spec("x", "cam", "rtsp://[::1]:554/s", "udp", 3600)));
    }

    @Test
    void eachBadFieldHasItsMessageInFormOrder() {
        Map<String, String> problems = RelayFields.problems(new RelaySpec("bad name", null, "/abs.sdp", "http://x/y",
                "a:b", "line\nbreak", "sctp", false, 3601, true));
        assertEquals(List.of("name", "direction", "path", "url", "user", "password", "transport", "lingerSeconds"),
                List.copyOf(problems.keySet()));
        assertEquals("Choose tcp or udp.", problems.get("transport"));
        assertEquals("A whole number of seconds from 0 to 3600.", problems.get("lingerSeconds"));
        assertEquals("rtsp://host[:port]/path or rtsps://host[:port]/path, with a host, at most 2048 characters.",
                problems.get("url"));
    }

    @Test
    void thePathIsNeededAndMayNotLeaveTheMediaRoot() {
        assertTrue(RelayFields.problems(spec("a", null, "rtsp://h/s", "tcp", 0)).get("path").startsWith("A path is needed"));
        assertTrue(RelayFields.problems(spec("a", " ", "rtsp://h/s", "tcp", 0)).get("path").startsWith("A path is needed"));
        for (String bad : List.of("..", "../x.sdp", "a/../../x.sdp", "a/..", "a\\b.sdp", "/x.sdp", "a\"b")) {
            assertEquals(List.of("path"), List.copyOf(RelayFields.problems(spec("a", bad, "rtsp://h/s", "tcp", 0)).keySet()), bad);
        }
    }

    @Test
    void credentialsInTheUrlAreRefusedWithAPointerToTheFields() {
        String told = "No user or password in the URL: put them in the user and password fields.";
        assertEquals(told, RelayFields.urlProblem("rtsp://user:pw@host/x"));
        assertEquals(told, RelayFields.urlProblem("rtsp://user@host:554/x"));
        assertEquals(told, RelayFields.urlProblem("rtsps://u:p@[::1]/x"));
        assertNull(RelayFields.urlProblem("rtsp://host/a@b"), "an @ in the path is no credential");
    }

    @Test
    void theUrlIsRtspWithAHost() {
        for (String bad : List.of("http://host/x", "RTSP://host/x", "rtsp:///x", "rtsp://", "rtsp://ho st/x", "host/x")) {
            assertFalse(RelayFields.urlProblem(bad) == null, bad);
        }
        assertEquals("The other server's URL is needed: rtsp://host[:port]/path.", RelayFields.urlProblem(" "));
        assertNull(RelayFields.urlProblem("rtsp://camera.local:8554/live?ch=1"));
    }

    @Test
    void theAdaptersDefinitionHasNoEmptyPasswordAndPushRelaysAreNeverOnDemand() {
        RelaySpec push = new RelaySpec("p", RelayDefinition.Direction.PUSH, "live/a.sdp", "rtsp://h/a", " ", "", "tcp",
                true, 10, false);
        RelayDefinition definition = push.definition();
        assertNull(definition.user());
        assertNull(definition.password());
        assertFalse(definition.onDemand());
        assertFalse(definition.enabled());
        assertFalse(push.toString().contains("s3cret"));
        assertFalse(spec("a", "p", "rtsp://h/s", "tcp", 0).toString().contains("s3cret"), "toString never shows the password");
    }
}
