package org.tributary.session;

import org.junit.jupiter.api.Test;
import org.tributary.source.SourceTrack;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class AccessRecordsTest {

    @Test
    void theStatusFollowsDarwinsRemapping() {
        assertEquals(200, AccessRecords.statusAtEnd("teardown", 200));
        assertEquals(200, AccessRecords.statusAtEnd("connection closed", 200));
        assertEquals(504, AccessRecords.statusAtEnd("timeout", 200));
        assertEquals(500, AccessRecords.statusAtEnd("ended by an administrator", 200));
        assertEquals(500, AccessRecords.statusAtEnd("server stopping", 200));
        assertEquals(455, AccessRecords.statusAtEnd("timeout", 455), "a refusal in the session is its status");
    }

    @Test
    void theCodecIsTheRtpmapEncodingName() {
        SourceTrack aac = new SourceTrack(1, "audio", 97, 48000, "AAC", 64,
                List.of("rtpmap:97 MPEG4-GENERIC/48000/2", "fmtp:97 x"));
        assertEquals("MPEG4-GENERIC", AccessRecords.payloadName(aac));
        assertEquals("MPA", AccessRecords.payloadName(new SourceTrack(0, "audio", 14, 90000, "MPA", 128, List.of())));
    }

    @Test
    void hostAndQueryComeFromTheRequestUri() {
        assertEquals("media.example.org", AccessRecords.host("rtsp://media.example.org:554/a.mp4?start=10"));
        assertEquals("start=10", AccessRecords.query("rtsp://media.example.org:554/a.mp4?start=10"));
        assertNull(AccessRecords.host("not a uri"));
    }
}
