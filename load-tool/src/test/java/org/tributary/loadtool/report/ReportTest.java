package org.tributary.loadtool.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportTest {

    @Test
    void nearestRankPercentiles() {
        double[] values = new double[100];
        for (int i = 0; i < 100; i++) {
            values[i] = 100 - i;
        }
        Percentiles p = new Percentiles(values);
        assertEquals(50, p.p50());
        assertEquals(99, p.p99());
        assertEquals(100, p.max());
        assertEquals(7, new Percentiles(new double[] {7}).p99());
        assertTrue(Double.isNaN(new Percentiles(new double[0]).p50()));
    }

    @Test
    void statParsingToleratesSpacesInTheCommand() {
        String stat = "1234 (java (main) x) S 1 1234 1234 0 -1 4194304 100 0 0 0 250 75 0 0 20 0 30 0 1 2 3";
        assertEquals(325, ProcFs.parseCpuTicks(stat));
    }

    @Test
    void ownProcessIsReadable() {
        assertTrue(ProcFs.cpuSeconds("self") >= 0);
        assertTrue(ProcFs.statusKb("self", "VmRSS") > 0);
        ProcessMonitor m = new ProcessMonitor("self");
        m.begin();
        m.end();
        assertTrue(m.cpuSeconds() >= 0);
        assertTrue(m.peakRssKb() > 0);
    }

    @Test
    void jsonEscapesAndFormats() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("s", "a\"b\n");
        m.put("n", 3);
        m.put("d", 0.25);
        m.put("nan", Double.NaN);
        m.put("l", List.of(1, 2));
        assertEquals("{\n  \"s\": \"a\\\"b\\n\",\n  \"n\": 3,\n  \"d\": 0.25,\n  \"nan\": null,\n"
                + "  \"l\": [\n    1,\n    2\n  ]\n}\n", Json.write(m));
    }

    @Test
    @SuppressWarnings("unchecked")
    void anHlsSummaryAddsUpItsViewersAndChargesCpuPerViewerSecond() {
        ProcessMonitor self = new ProcessMonitor("self");
        self.begin();
        self.end();
        RunSummary.RunInfo info = new RunSummary.RunInfo("hls", List.of("http://h/x/index.m3u8"), "hls", 4, 1, 10,
                12, "2026-12-06T10:00:00Z");
        List<ViewerOutcome> outcomes = List.of(
                new ViewerOutcome(true, null, 0, 40, 10, 5, 1_250_000, 2, 0, 0),
                new ViewerOutcome(true, null, 1, 60, 10, 4, 1_000_000, 2, 2, 1.5),
                new ViewerOutcome(true, null, 0, 500, 6, 3, 750_000, 2, 1, 0.5),
                new ViewerOutcome(false, "playlist:404", 0, Double.NaN, 0, 0, 20, 0, 0, 0));
        RunSummary s = RunSummary.computeHls(info, outcomes, Map.of("playlist:404", 1L, "segment:503", 1L), null, self);

        Map<String, Object> viewers = s.section("sessions");
        assertEquals(3, viewers.get("played"));
        assertEquals(2, viewers.get("ok"), "a viewer with a failed segment is not ok");
        assertEquals(2, viewers.get("failed"));
        Map<String, Object> hls = s.section("hls");
        assertEquals(12L, hls.get("segments"));
        assertEquals(3_000_020L, hls.get("bytes"));
        assertEquals(6L, hls.get("playlistLoads"));
        assertEquals(3L, hls.get("stalls"));
        assertEquals(2.0, hls.get("stalledSeconds"));
        assertEquals(2, hls.get("viewersStalled"));
        Map<String, Object> first = (Map<String, Object>) s.asMap().get("firstSegmentMs");
        assertEquals(60.0, first.get("p50"));
        assertEquals(500.0, first.get("max"));
        assertEquals(26.0, s.asMap().get("streamSeconds"), "viewer-seconds of the viewers that played");
        assertEquals(1000.0, s.section("bitratePerSessionKbps").get("p50"), "1,250,000 bytes in 10 s");
        Map<String, Object> tool = s.section("loadTool");
        assertEquals(self.cpuSeconds() * 1000.0 / 26.0, (Double) tool.get("cpuMsPerStreamSecond"), 1e-12);
        assertEquals(null, s.section("server").get("pid"));
        String text = s.toText();
        assertTrue(text.contains("viewer-seconds:      26.0"), text);
        assertTrue(text.contains("stalls:              3 in 2 viewers, 2.00 s stalled in all"), text);
        assertTrue(text.contains("http errors:         {playlist:404=1, segment:503=1}"), text);
        assertTrue(text.contains("cpu-ms per viewer-second"), text);
    }
}
