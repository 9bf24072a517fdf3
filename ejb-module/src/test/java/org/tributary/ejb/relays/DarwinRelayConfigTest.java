package org.tributary.ejb.relays;

import org.junit.jupiter.api.Test;
import org.tributary.api.RelayDefinition;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DarwinRelayConfigTest {

    /** A pull relay (line 3), a push relay (line 21) and a udp_source relay (line 37, its source at line 39). */
    static final String CONFIG = """
            <?xml version="1.0" encoding="UTF-8"?>
            <RELAY_CONFIG>
            <OBJECT TYPE="relay">
              <PREF NAME="name">camera one</PREF>
              <PREF NAME="enabled">true</PREF>
              <OBJECT CLASS="source" TYPE="rtsp_source">
                <PREF NAME="source_addr">10.0.0.5</PREF>
                <PREF NAME="rtsp_port">8554</PREF>
                <PREF NAME="url">/stream1</PREF>
                <PREF NAME="name">viewer</PREF>
                <PREF NAME="password">cam pw</PREF>
              </OBJECT>
              <OBJECT CLASS="destination" TYPE="announced_destination">
                <PREF NAME="dest_addr">127.0.0.1</PREF>
                <PREF NAME="rtsp_port">554</PREF>
                <PREF NAME="url">/live/cam1.sdp</PREF>
                <PREF NAME="name">broadcaster</PREF>
                <PREF NAME="password">local pw</PREF>
              </OBJECT>
            </OBJECT>
            <OBJECT TYPE="relay">
              <PREF NAME="name">to-cdn</PREF>
              <PREF NAME="enabled">false</PREF>
              <OBJECT CLASS="source" TYPE="announced_source">
                <PREF NAME="url">/studio/main.sdp</PREF>
              </OBJECT>
              <OBJECT CLASS="destination" TYPE="announced_destination">
                <PREF NAME="out_addr">0.0.0.0</PREF>
                <PREF NAME="dest_addr">cdn.example.org</PREF>
                <PREF NAME="rtsp_port">554</PREF>
                <PREF NAME="url">/ingest/main.sdp</PREF>
                <PREF NAME="name">pusher</PREF>
                <PREF NAME="password">push pw</PREF>
              </OBJECT>
            </OBJECT>
            <!-- a classic multicast relay -->
            <OBJECT TYPE="relay">
              <PREF NAME="name">multicast</PREF>
              <OBJECT CLASS="source" TYPE="udp_source">
                <PREF NAME="source_addr">10.0.0.9</PREF>
                <LIST-PREF NAME="udp_ports"><VALUE>5000</VALUE><VALUE>5002</VALUE></LIST-PREF>
              </OBJECT>
              <OBJECT CLASS="destination" TYPE="udp_destination">
                <PREF NAME="dest_addr">239.1.1.1</PREF>
              </OBJECT>
            </OBJECT>
            </RELAY_CONFIG>
            """;

    @Test
    void anRtspSourceWithALocalDestinationIsAPullRelay() throws Exception {
        DarwinRelayConfig.Entry pull = DarwinRelayConfig.read(CONFIG, null).relays().get(0);
        assertEquals(3, pull.line());
        assertEquals(new RelaySpec("camera-one", RelayDefinition.Direction.PULL, "live/cam1.sdp",
                "rtsp://10.0.0.5:8554/stream1", "viewer", "cam pw", "tcp", false, RelaySpec.DEFAULT_LINGER, true), pull.spec());
        assertEquals(Map.of(), RelayFields.problems(pull.spec()));
    }

    @Test
    void aLocalSourceWithAnAnnouncedDestinationIsAPushRelay() throws Exception {
        DarwinRelayConfig.Entry push = DarwinRelayConfig.read(CONFIG, null).relays().get(1);
        assertEquals(21, push.line());
        assertEquals(new RelaySpec("to-cdn", RelayDefinition.Direction.PUSH, "studio/main.sdp",
                "rtsp://cdn.example.org/ingest/main.sdp", "pusher", "push pw", "tcp", false, RelaySpec.DEFAULT_LINGER, false),
                push.spec());
        assertEquals(Map.of(), RelayFields.problems(push.spec()));
    }

    @Test
    void anUnsupportedKindIsAProblemAtItsLine() throws Exception {
        DarwinRelayConfig.Parsed parsed = DarwinRelayConfig.read(CONFIG, null);
        assertEquals(2, parsed.relays().size());
        assertEquals(1, parsed.problems().size(), parsed.problems().toString());
        String problem = parsed.problems().get(0);
        assertTrue(problem.startsWith("relayconfig.xml:39: relay 'multicast': a udp_source"), problem);
    }

    @Test
    void unsupportedDestinationsAndRelaysBetweenTwoOtherServersAreProblemsToo() throws Exception {
        String xml = """
                <RELAY_CONFIG>
                <OBJECT TYPE="relay">
                <OBJECT CLASS="source" TYPE="rtsp_source"><PREF NAME="source_addr">a.example</PREF><PREF NAME="url">/x</PREF></OBJECT>
                <OBJECT CLASS="destination" TYPE="udp_destination"><PREF NAME="dest_addr">239.0.0.1</PREF></OBJECT>
                <OBJECT CLASS="destination" TYPE="announced_destination"><PREF NAME="dest_addr">b.example</PREF></OBJECT>
                <OBJECT CLASS="destination" TYPE="announced_destination"><PREF NAME="url">/here.sdp</PREF></OBJECT>
                </OBJECT>
                <OBJECT TYPE="relay"><OBJECT CLASS="source" TYPE="relay_sdp"><PREF NAME="sdp_path">/x.sdp</PREF></OBJECT></OBJECT>
                </RELAY_CONFIG>
                """;
        DarwinRelayConfig.Parsed parsed = DarwinRelayConfig.read(xml, "other.xml");
        assertEquals(List.of("relay-1"), parsed.relays().stream().map(e -> e.spec().name()).toList());
        assertEquals("here.sdp", parsed.relays().get(0).spec().path());
        assertEquals(3, parsed.problems().size(), parsed.problems().toString());
        assertTrue(parsed.problems().get(0).startsWith("other.xml:4: relay 'relay-1': a destination of TYPE \"udp_destination\""));
        assertTrue(parsed.problems().get(1).startsWith("other.xml:5: relay 'relay-1': a relay between two other servers"));
        assertTrue(parsed.problems().get(2).startsWith("other.xml:8: relay 'relay-2': a relay_sdp source"));
    }

    @Test
    void aDoctypeIsRefusedAndNoEntityIsRead() {
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE RELAY_CONFIG [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
                <RELAY_CONFIG><OBJECT TYPE="relay"><PREF NAME="name">&secret;</PREF></OBJECT></RELAY_CONFIG>
                """;
        DarwinRelayConfig.UnreadableException refused = assertThrows(DarwinRelayConfig.UnreadableException.class,
                () -> DarwinRelayConfig.read(xxe, null));
        assertEquals("relayconfig.xml:2: a DOCTYPE is not allowed (no DTD and no entity is read)", refused.getMessage());
        assertFalse(refused.getMessage().contains("root:"));
    }

    @Test
    void aFileThatIsNotARelayConfigIsUnreadable() {
        assertTrue(assertThrows(DarwinRelayConfig.UnreadableException.class, () -> DarwinRelayConfig.read("<streamingserver/>", null))
                .getMessage().startsWith("relayconfig.xml:1: not well-formed XML: the root element must be RELAY_CONFIG"));
        assertTrue(assertThrows(DarwinRelayConfig.UnreadableException.class, () -> DarwinRelayConfig.read(
                "<RELAY_CONFIG>\n<OBJECT TYPE=\"relay\">\n</RELAY_CONFIG>", null)).getMessage().startsWith("relayconfig.xml:3: not well-formed XML"));
        assertThrows(DarwinRelayConfig.UnreadableException.class, () -> DarwinRelayConfig.read("", null));
    }
}
