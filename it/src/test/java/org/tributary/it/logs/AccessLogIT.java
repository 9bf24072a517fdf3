package org.tributary.it.logs;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tributary.ejb.access.AccessService;
import org.tributary.ejb.logs.AccessLog;
import org.tributary.ejb.logs.HistoryFilter;
import org.tributary.ejb.logs.HistoryRecorder;
import org.tributary.ejb.logs.LogSettings;
import org.tributary.ejb.logs.SessionHistory;
import org.tributary.ejb.logs.SessionHistoryStore;
import org.tributary.ejb.logs.W3cAccessLogFormat;
import org.tributary.ejb.logs.W3cLogParser;
import org.tributary.it.support.Deployments;
import org.tributary.it.support.ConsoleApi;
import org.tributary.it.support.Endpoints;
import org.tributary.it.support.RtspTestClient;
import org.tributary.it.support.Tools;

import javax.sql.DataSource;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs inside the server (it needs the EJBs and the datasource) and drives real clients over the
 * network: ffprobe over UDP and TCP, a raw interleaved player that counts every packet, a denied request
 * and a 404; then checks the access log lines, AWStats' counts, rolling, the history rows through a
 * database outage, and the history API.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AccessLogIT {

    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final String UA = "LogIT-" + RUN + "-";
    /** The lines of the first test, for AWStats. */
    private static final List<String> runLines = new ArrayList<>();
    private static List<String> runHeader = List.of();

    @Deployment
    static EnterpriseArchive deployment() {
        List<Class<?>> classes = new ArrayList<>(List.of(AccessLogIT.class, InterleavedPlayer.class,
                InterleavedPlayer.Received.class, AccessLogFiles.class, AwStats.class, AwStats.Counts.class, Tools.class));
        classes.addAll(List.of(Tools.class.getDeclaredClasses()));
        return Deployments.earWithTestClasses(classes.toArray(new Class<?>[0]));
    }

    @EJB
    AccessService accessService;
    @EJB
    AccessLog accessLog;
    @EJB
    HistoryRecorder historyRecorder;
    @EJB
    SessionHistoryStore historyStore;
    @Resource(lookup = "java:jboss/datasources/TributaryDS")
    DataSource dataSource;

    /** Sum of the packet sizes ffprobe read (the client's view of the payload). */
    private static long ffprobeBytes(String transport, String userAgent, String url) throws Exception {
        Tools.Result r = Tools.run(60, "ffprobe", "-v", "error", "-rtsp_transport", transport, "-user_agent", userAgent,
                "-i", url, "-show_entries", "packet=size", "-of", "csv=p=0");
        assertEquals(0, r.exitCode(), "ffprobe over " + transport + ": " + r.stderr());
        return r.lines().stream().filter(l -> !l.isBlank()).mapToLong(l -> Long.parseLong(l.split(",")[0].trim())).sum();
    }

    private static int describe(String path, String userAgent) throws Exception {
        try (RtspTestClient client = new RtspTestClient()) {
            return client.request("DESCRIBE", Endpoints.RTSP + path, 1, "User-Agent: " + userAgent).status();
        }
    }

    private static Map<String, W3cLogParser.Entry> byUserAgent(List<W3cLogParser.Entry> entries) {
        return entries.stream().collect(Collectors.toMap(e -> e.text("cs(User-Agent)"), e -> e));
    }

    @Test
    @Order(1)
    void realClientsLeaveExactlyTheExpectedLines() throws Exception {
        long udpBytes = ffprobeBytes("udp", UA + "udp", Endpoints.RTSP + "sample.mp4");
        long tcpBytes = ffprobeBytes("tcp", UA + "tcp", Endpoints.RTSP + "sample.mp4");
        InterleavedPlayer.Received raw = InterleavedPlayer.play(Endpoints.RTSP + "tiny.mp4", 2, UA + "raw");
        // Access to a missing file is decided on its nearest existing folder: the denied folder must exist.
        Files.createDirectories(Path.of(System.getProperty("tributary.media.root"), "it-logs-denied"));
        accessService.putRule("it-logs-denied", false, "access log test");
        try {
            assertEquals(403, describe("it-logs-denied/sample.mp4", UA + "denied"));
        } finally {
            accessService.removeRule("it-logs-denied");
        }
        assertEquals(404, describe("no-such-" + RUN + ".mp4", UA + "missing"));

        Path log = accessLog.path();
        List<W3cLogParser.Entry> lines = AccessLogFiles.await(log, AccessLogFiles.userAgentStartsWith(UA), 5);
        assertEquals(5, lines.size(), "one line per session and per refusal: " + lines);
        Map<String, W3cLogParser.Entry> by = byUserAgent(lines);

        W3cLogParser.Entry udp = by.get(UA + "udp");
        // ffprobe's TEARDOWN over UDP does not always reach the server before it closes the connection;
        // the session then ends by timeout, which Darwin logs as 504.
        assertTrue(List.of("200", "504").contains(udp.get("c-status")), udp.values().toString());
        assertEquals("UDP", udp.get("transport"));
        assertEquals("/sample.mp4", udp.get("cs-uri-stem"));
        assertEquals("127.0.0.1", udp.get("c-ip"));
        assertEquals("H264", udp.get("videocodec"));
        assertEquals("MPEG4-GENERIC", udp.get("audiocodec"));
        assertEquals("10", udp.get("filelength"));
        assertEquals("RTP", udp.get("protocol"));
        assertTrue(udp.number("x-duration") >= 9 && udp.number("x-duration") <= 20, "the clip lasts 10 s: " + udp.values());
        assertWithin(udpBytes, udp.number("sc-bytes"), 0.03, "UDP bytes sent vs. received by ffprobe");
        assertTrue(udp.number("cs-bytes") > 0, "ffprobe sent RTCP receiver reports");
        assertTrue(udp.number("c-pkts-lost-client") >= 0 && udp.number("c-pkts-lost-client") <= udp.number("s-pkts-sent") / 100,
                "little or no loss on loopback: " + udp.values());

        W3cLogParser.Entry tcp = by.get(UA + "tcp");
        assertEquals("200", tcp.get("c-status"));
        assertEquals("TCP", tcp.get("transport"));
        assertWithin(tcpBytes, tcp.number("sc-bytes"), 0.03, "TCP bytes sent vs. received by ffprobe");

        W3cLogParser.Entry interleaved = by.get(UA + "raw");
        assertEquals("200", interleaved.get("c-status"));
        assertEquals("/tiny.mp4", interleaved.get("cs-uri-stem"));
        assertEquals(raw.packets(), interleaved.number("s-pkts-sent"), "every packet sent was received (TCP)");
        assertEquals(raw.payloadBytes(), interleaved.number("sc-bytes"), "every payload byte sent was received");

        W3cLogParser.Entry denied = by.get(UA + "denied");
        assertEquals("403", denied.get("c-status"));
        assertEquals("/it-logs-denied/sample.mp4", denied.get("cs-uri-stem"));
        assertEquals("0", denied.get("sc-bytes"));
        assertEquals("-", denied.get("transport"));
        W3cLogParser.Entry missing = by.get(UA + "missing");
        assertEquals("404", missing.get("c-status"));
        assertEquals("/no-such-" + RUN + ".mp4", missing.get("cs-uri-stem"));

        // The error log says why each was refused.
        String errorLog = Files.readString(Path.of(System.getProperty("jboss.server.log.dir"), "tributary-error.log"));
        assertTrue(errorLog.lines().anyMatch(l -> l.contains(": WARNING: ") && l.contains("refused DESCRIBE it-logs-denied/sample.mp4")
                && l.contains("rule 'it-logs-denied'") && l.contains("answering 403")), "the 403 is in the error log with its reason");
        assertTrue(errorLog.lines().anyMatch(l -> l.contains(": INFO: ") && l.contains("no-such-" + RUN + ".mp4")
                && l.contains("answering 404")), "the 404 is in the error log");

        for (W3cLogParser.Entry e : lines) {
            runLines.add(String.join(" ", e.values().values()));
        }
        runHeader = W3cLogParser.parse(log).directives().stream().filter(d -> !d.startsWith("#Remark: Streaming"))
                .limit(6).toList();
    }

    private static void assertWithin(long expected, long actual, double tolerance, String what) {
        assertTrue(Math.abs(actual - expected) <= expected * tolerance,
                what + ": expected " + expected + " ±" + (int) (tolerance * 100) + "%, got " + actual);
    }

    @Test
    @Order(2)
    void awstatsCountsTheSameSessionsAndBytes() throws Exception {
        assertEquals(5, runLines.size(), "the first test produced the lines");
        Path work = Files.createTempDirectory("awstats-it");
        Path log = work.resolve("tributary-access.log");
        List<String> content = new ArrayList<>(runHeader);
        content.addAll(runLines);
        Files.write(log, content);
        long expectedHits = 0;
        long expectedBytes = 0;
        Map<Integer, Long> expectedErrors = new java.util.HashMap<>();
        for (W3cLogParser.Entry e : W3cLogParser.parse(content).entries()) {
            if ("200".equals(e.get("c-status"))) {
                expectedHits++;
                expectedBytes += e.number("sc-bytes");
            } else {
                expectedErrors.merge(Integer.parseInt(e.get("c-status")), 1L, Long::sum);
            }
        }
        AwStats.Counts counts = AwStats.run(log, work);
        assertTrue(counts.output().contains("0 corrupted records"), counts.output());
        assertTrue(expectedHits >= 2, "the TCP sessions ended with 200");
        assertEquals(expectedHits, counts.hits(), "sessions AWStats counted; " + counts.output());
        assertEquals(expectedBytes, counts.bandwidth(), "bytes AWStats counted");
        assertEquals(1L, expectedErrors.get(403));
        assertEquals(1L, expectedErrors.get(404));
        assertEquals(expectedErrors, counts.errors(), "the refused requests (and a timed-out session) by status");
    }

    @Test
    @Order(3)
    void rollingBySizeGivesSeveralFilesEachWithTheDirectives() throws Exception {
        Path log = accessLog.path();
        int filesBefore = AccessLogFiles.all(log).size();
        accessLog.maxBytes(1000);
        try {
            for (int i = 0; i < 12; i++) {
                assertEquals(404, describe("roll-" + RUN + "-" + i + ".mp4", UA + "roll"));
            }
            assertEquals(12, AccessLogFiles.await(log, AccessLogFiles.userAgentStartsWith(UA + "roll"), 12).size(),
                    "every line is in one of the files, once");
        } finally {
            accessLog.maxBytes(LogSettings.fromSystemProperties().maxBytes());
        }
        List<Path> files = AccessLogFiles.all(log);
        assertTrue(files.size() >= filesBefore + 3, "rolled several times: " + files);
        List<W3cLogParser.Parsed> parsedFiles = AccessLogFiles.parseAll(log);
        for (int i = 0; i < parsedFiles.size(); i++) {
            W3cLogParser.Parsed parsed = parsedFiles.get(i);
            assertTrue(parsed.directives().get(0).startsWith(W3cAccessLogFormat.CREATED_REMARK), "file " + i + " of " + files + " starts with its header");
            assertTrue(parsed.directives().contains("#Fields: " + String.join(" ", W3cAccessLogFormat.FIELDS)), "file " + i + " of " + files);
        }
    }

    @Test
    @Order(4)
    void rowsRefusedByTheDatabaseAreStoredWhenItIsBack() throws Exception {
        HistoryFilter outage = new HistoryFilter(null, null, "outage-" + RUN, null, null, null);
        // The outage: the history table disappears, so every insert fails inside the database, as it
        // would with the database down; the recorder cannot tell the difference (it catches any failure).
        execute("ALTER TABLE session_history RENAME TO session_history_offline");
        try {
            for (int i = 0; i < 3; i++) {
                assertEquals(404, describe("outage-" + RUN + "-" + i + ".mp4", UA + "outage"));
            }
            assertEquals(3, AccessLogFiles.await(accessLog.path(), AccessLogFiles.userAgentStartsWith(UA + "outage"), 3).size(),
                    "the lines reach the file while the database is down");
            assertTrue(historyRecorder.spooled() >= 3, "the rows wait in the spool: " + historyRecorder.spooled());
        } finally {
            execute("ALTER TABLE session_history_offline RENAME TO session_history");
        }
        // Nothing else is called: the recorder's retry timer (every 2 s in the test server) stores them.
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (historyRecorder.spooled() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(250);
        }
        assertEquals(0, historyRecorder.spooled(), "the spool is empty once the database is back");
        List<SessionHistory> rows = historyStore.find(outage, 0, 10);
        assertEquals(3, rows.size(), "no row lost");
        assertTrue(rows.stream().allMatch(r -> r.getStatus() == 404 && "REFUSAL".equals(r.getKind())));
    }

    private void execute(String sql) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    @Test
    @Order(5)
    void theHistoryApiFiltersPagesAndExportsCsv() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String base = "/api/logs/sessions";
        HttpResponse<String> json = http.send(ConsoleApi.admin().request(base + "?path=sample.mp4&client=127.0.0.1&size=1")
                .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, json.statusCode(), json.body());
        JsonObject page = Json.createReader(new StringReader(json.body())).readObject();
        assertTrue(page.getJsonNumber("total").longValue() >= 3, "the ffprobe sessions and the denied request: " + page);
        assertEquals(1, page.getJsonArray("items").size(), "paged");
        assertTrue(page.getJsonArray("items").getJsonObject(0).getString("path").endsWith("sample.mp4"), page.toString());

        HttpResponse<String> missing = http.send(ConsoleApi.admin().request(base + "?path=no-such-" + RUN).build(),
                HttpResponse.BodyHandlers.ofString());
        JsonObject one = Json.createReader(new StringReader(missing.body())).readObject();
        assertEquals(1, one.getInt("total"));
        assertEquals(404, one.getJsonArray("items").getJsonObject(0).getInt("status"));
        assertEquals(UA + "missing", one.getJsonArray("items").getJsonObject(0).getString("userAgent"));

        HttpResponse<String> csv = http.send(ConsoleApi.admin().request(base + "?path=outage-" + RUN)
                .header("Accept", "text/csv").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, csv.statusCode());
        assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        List<String> rows = csv.body().lines().toList();
        assertTrue(rows.get(0).startsWith("id,kind,sessionId,startedAt,endedAt"), rows.get(0));
        assertEquals(4, rows.size(), "header and the three outage rows: " + rows);
        HttpResponse<String> file = http.send(ConsoleApi.admin().request(base + ".csv?path=outage-" + RUN + "&status=404")
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(csv.body().lines().count(), file.body().lines().count(), "sessions.csv is the same export");

        HttpResponse<String> bad = http.send(ConsoleApi.admin().request(base + "?from=yesterday").build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(400, bad.statusCode());
        assertTrue(bad.body().contains("from must be an ISO date"), bad.body());
    }
}
