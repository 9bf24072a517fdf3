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
}
