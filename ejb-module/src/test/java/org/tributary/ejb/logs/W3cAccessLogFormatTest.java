package org.tributary.ejb.logs;

import org.junit.jupiter.api.Test;
import org.tributary.api.event.AccessRecord;
import org.tributary.api.event.DeliveryCounts;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class W3cAccessLogFormatTest {

    private final W3cAccessLogFormat format = new W3cAccessLogFormat("Tributary/test", ZoneOffset.UTC);

    @Test
    void theFieldsAreDarwinsThirtyNineInItsOrderThenTributarysOwn() {
        assertEquals(43, W3cAccessLogFormat.FIELDS.size());
        assertEquals("c-ip", W3cAccessLogFormat.FIELDS.get(0));
        assertEquals("c-status", W3cAccessLogFormat.FIELDS.get(8));
        assertEquals("sc-bytes", W3cAccessLogFormat.FIELDS.get(23));
        assertEquals("c-bytes", W3cAccessLogFormat.FIELDS.get(25));
        assertEquals("s-totalclients", W3cAccessLogFormat.FIELDS.get(34));
        assertEquals("sc(Realm)", W3cAccessLogFormat.FIELDS.get(38));
        assertEquals(List.of("x-rtx-requested", "x-rtx-sent", "x-rtx-too-late", "x-thinned-frames"),
                W3cAccessLogFormat.FIELDS.subList(39, 43));
    }

    @Test
    void theRetransmissionAndThinningCountsAreTheLastFields() {
        AccessRecord record = Records.session("/a.mp4", null, 1000, 10, 0)
                .withDelivery(new DeliveryCounts(15, 14, 1, 120));
        List<String> values = List.of(format.line(record).split(" "));
        assertEquals(W3cAccessLogFormat.FIELDS.size(), values.size());
        assertEquals(List.of("15", "14", "1", "120"), values.subList(39, 43));
        List<String> none = List.of(format.line(Records.refusal("/b.mp4", 404)).split(" "));
        assertEquals(List.of("0", "0", "0", "0"), none.subList(39, 43), "a refusal retransmitted nothing");
        assertEquals("15", record.withUser("ann", "r").delivery().rtxRequested() + "", "kept by withUser");
    }

    @Test
    void theHeaderHasTheDirectivesInDarwinsOrder() {
        List<String> header = format.header(Instant.parse("2025-03-04T09:08:07Z"));
        assertEquals("#Log File Created On: 03/04/2025 09:08:07", header.get(0));
        assertEquals("#Software: Tributary/test", header.get(1));
        assertEquals("#Version: 1.0", header.get(2));
        assertEquals("#Date: 2025-03-04 09:08:07", header.get(3));
        assertEquals("#Remark: all time values are in GMT.", header.get(4));
        assertEquals("#Fields: " + String.join(" ", W3cAccessLogFormat.FIELDS), header.get(5));
    }

    @Test
    void aSessionLineRoundTripsThroughTheParser() throws Exception {
        AccessRecord record = Records.session("/movies/my clip.mp4",
                "QTS (qtver=4.1;cpu=PPC;os=Mac 8.6;lang=en)", 1_000_000, 1000, 50);
        List<String> lines = new ArrayList<>(format.header(record.startedAt()));
        lines.add(format.line(record));
        W3cLogParser.Entry e = W3cLogParser.parse(lines).entries().get(0);

        assertEquals("192.0.2.7", e.get("c-ip"));
        assertEquals("2025-03-04", e.get("date"));
        assertEquals("10:00:12", e.get("time"));
        assertEquals("media.example.org", e.get("c-dns"));
        assertEquals("/movies/my%20clip.mp4", e.get("cs-uri-stem"), "spaces are encoded, as Darwin did");
        assertEquals("/movies/my clip.mp4", e.text("cs-uri-stem"));
        assertEquals("0", e.get("c-starttime"));
        assertEquals("12", e.get("x-duration"));
        assertEquals("1", e.get("c-rate"));
        assertEquals("200", e.get("c-status"));
        assertEquals("192.0.2.7", e.get("c-playerid"));
        assertEquals("4.1", e.get("c-playerversion"));
        assertEquals("en", e.get("c-playerlanguage"));
        assertEquals("QTS (qtver=4.1;cpu=PPC;os=Mac 8.6;lang=en)", e.text("cs(User-Agent)"));
        assertEquals("Mac", e.get("c-os"));
        assertEquals("8.6", e.get("c-osversion"));
        assertEquals("PPC", e.get("c-cpu"));
        assertEquals("10", e.get("filelength"));
        assertEquals("300000", e.get("filesize"));
        assertEquals("240000", e.get("avgbandwidth"));
        assertEquals("RTP", e.get("protocol"));
        assertEquals("UDP", e.get("transport"));
        assertEquals("MPEG4-GENERIC", e.get("audiocodec"));
        assertEquals("H264", e.get("videocodec"));
        assertEquals(1_000_000, e.number("sc-bytes"));
        assertEquals(840, e.number("cs-bytes"));
        assertEquals(950_000, e.number("c-bytes"), "sent x (100 - 5 % loss) / 100");
        assertEquals(1000, e.number("s-pkts-sent"));
        assertEquals(950, e.number("c-pkts-received"));
        assertEquals(50, e.number("c-pkts-lost-client"));
        assertEquals("1", e.get("c-buffercount"));
        assertEquals("-", e.get("c-totalbuffertime"));
        assertEquals("95", e.get("c-quality"));
        assertEquals("198.51.100.1", e.get("s-ip"));
        assertEquals("tributary-host", e.get("s-dns"));
        assertEquals("3", e.get("s-totalclients"));
        assertEquals("12", e.get("s-cpu-util"));
        assertEquals("a=1&b=two", e.get("cs-uri-query"));
        assertEquals("-", e.get("c-username"));
        assertEquals("-", e.get("sc(Realm)"));
    }

    @Test
    void anMp3OverHttpStreamIsLoggedWithProtocolHttpAndItsUser() throws Exception {
        Instant start = Instant.parse("2025-03-04T11:00:00Z");
        AccessRecord http = new AccessRecord("id-1", AccessRecord.Kind.SESSION, null, "192.0.2.9", "radio.example.org",
                start, start.plusSeconds(30), 0, "/music/song.mp3", null, 200, "end of file", "mpg123/1.31.2", 30.0,
                480_000, 128_000, "TCP", "MPA", null, 480_000, 0, 1150, -1, "198.51.100.1", "tributary-host", 1, 5,
                "carol", null, AccessRecord.HTTP);
        List<String> lines = new ArrayList<>(format.header(Instant.now()));
        lines.add(format.line(http));
        W3cLogParser.Entry e = W3cLogParser.parse(lines).entries().get(0);
        assertEquals("HTTP", e.get("protocol"));
        assertEquals("TCP", e.get("transport"));
        assertEquals("carol", e.get("c-username"));
        assertEquals(480_000, e.number("sc-bytes"));
        assertEquals(AccessRecord.RTP, Records.session("/a.mp4", null, 1, 1, 0).protocol(), "RTSP records default to RTP");
    }

    @Test
    void aRefusalLineHasDashesForWhatNothingWasSentAbout() throws Exception {
        List<String> lines = new ArrayList<>(format.header(Instant.now()));
        lines.add(format.line(Records.refusal("/missing.mp4", 404)));
        W3cLogParser.Entry e = W3cLogParser.parse(lines).entries().get(0);
        assertEquals("404", e.get("c-status"));
        assertEquals("-", e.get("c-starttime"));
        assertEquals("0", e.get("x-duration"));
        assertEquals("-", e.get("transport"));
        assertEquals("0", e.get("sc-bytes"));
        assertEquals("-", e.get("c-pkts-lost-client"));
        assertEquals("0", e.get("c-quality"), "Darwin: 0 when nothing was sent");
        assertEquals("-", e.get("s-dns"));
        assertNull(e.text("cs-uri-query"));
    }

    @Test
    void withoutReceiverReportsTheQualityIsAHundredAndTheClientFiguresUnknown() {
        String line = format.line(Records.session("/a.mp4", null, 5000, 10, -1));
        List<String> values = List.of(line.split(" "));
        assertEquals("100", values.get(W3cAccessLogFormat.FIELDS.indexOf("c-quality")));
        assertEquals("-", values.get(W3cAccessLogFormat.FIELDS.indexOf("c-bytes")));
        assertEquals("-", values.get(W3cAccessLogFormat.FIELDS.indexOf("cs(User-Agent)")));
    }

    @Test
    void noValueCanBreakTheLine() {
        assertEquals("a%20b%0Ac%25d%09", W3cAccessLogFormat.text("a b\nc%d\t"));
        assertEquals("-", W3cAccessLogFormat.text(""));
    }

    @Test
    void theParserRejectsLinesThatDoNotFitTheirFields() {
        List<String> lines = new ArrayList<>(format.header(Instant.now()));
        lines.add("192.0.2.1 2025-01-01 too-few");
        W3cLogParser.MalformedLogException e = assertThrows(W3cLogParser.MalformedLogException.class,
                () -> W3cLogParser.parse(lines));
        assertTrue(e.getMessage().contains("3 values for 43 fields"), e.getMessage());
        assertThrows(W3cLogParser.MalformedLogException.class, () -> W3cLogParser.parse(List.of("no fields yet")));
    }

    @Test
    void playerInfoReadsGenericNameVersionAgents() {
        assertEquals("3.0.18", PlayerInfo.of("LibVLC/3.0.18 (LIVE555 Streaming Media v2016.11.28)").version());
        assertNull(PlayerInfo.of("Lavf60.16.100").version());
    }
}
