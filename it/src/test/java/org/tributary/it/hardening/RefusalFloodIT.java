package org.tributary.it.hardening;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tributary.it.support.ConsoleApi;
import org.tributary.it.support.Deployments;
import org.tributary.it.support.Endpoints;
import org.tributary.it.support.RtspTestClient;
import org.tributary.rtsp.RtspResponse;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 2,000 DESCRIBEs of missing files from one address: every one gets 404, but the access log and the history
 * (kept a year) get a bounded number of lines and rows, whose counts add up to the 2,000. The test server runs
 * with windows of 5 s and 50 refusals recorded one by one per window (it/src/test/resources/arquillian.xml).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RefusalFloodIT {

    private static final int FLOOD = 2_000;
    private static final int PER_WINDOW = 50;
    private static final int WINDOW_SECONDS = 5;
    /** A loopback address of its own, so no other test's refusals share its groups. */
    private static final String CLIENT = "127.0.0.21";
    private static final String RUN = Long.toString(System.currentTimeMillis(), 36);
    private static final String FOLDER = "flood-" + RUN;
    private static final String USER_AGENT = "flooder-" + RUN;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    @Test
    void aFloodOfRefusalsLeavesABoundedNumberOfRowsWithTheRightTotal() throws Exception {
        long start = System.nanoTime();
        int sent = 0;
        while (sent < FLOOD) {
            sent += describeMissing(sent, Math.min(100, FLOOD - sent)); // a fresh connection per 100 requests
        }
        long floodSeconds = (System.nanoTime() - start) / 1_000_000_000L;
        // each window passes at most PER_WINDOW refusals and one record with the count of the rest
        long bound = (floodSeconds / WINDOW_SECONDS + 2) * (PER_WINDOW + 1);

        JsonObject page = awaitTotalCount(FLOOD, 40);
        int rows = page.getInt("total");
        assertTrue(rows <= bound && rows < FLOOD / 4, rows + " history rows for " + FLOOD + " refusals in "
                + floodSeconds + " s (bound " + bound + ")");
        assertTrue(page.getJsonArray("items").stream().map(JsonValue::asJsonObject)
                .anyMatch(r -> r.getInt("count") > 1 && r.getString("path").equals("/" + FOLDER + "/*")
                        && r.getInt("status") == 404 && r.getString("endReason").contains("more like this")), page.toString());

        Path accessLog = Path.of(System.getProperty("it.log.dir"), "tributary-access.log");
        long lines = Files.readAllLines(accessLog, StandardCharsets.UTF_8).stream().filter(l -> l.contains(USER_AGENT)).count();
        assertEquals(rows, lines, "one access-log line per history row");

        HttpResponse<String> csv = ConsoleApi.admin().send(ConsoleApi.admin()
                .request("/api/logs/sessions.csv?client=" + CLIENT + "&path=" + FOLDER));
        String[] header = csv.body().lines().findFirst().orElse("").split(",", -1);
        int fromEnd = header.length - 1 - java.util.Arrays.asList(header).indexOf("count");
        assertTrue(fromEnd < header.length, csv.body());
        // Counted from the end: the fields after count (the node) hold no comma, a quoted reason before it may.
        assertEquals(FLOOD, csv.body().lines().skip(1).mapToInt(l -> {
            String[] fields = l.split(",", -1);
            return Integer.parseInt(fields[fields.length - 1 - fromEnd]);
        }).sum());
    }

    /** Sends {@code n} DESCRIBEs of missing files on one connection from {@link #CLIENT}; each must get 404. */
    private static int describeMissing(int first, int n) throws IOException {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(CLIENT, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", Endpoints.RTSP_PORT), 5_000);
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            for (int i = first; i < first + n; i++) {
                out.write(("DESCRIBE " + Endpoints.RTSP + FOLDER + "/missing-" + i + ".mp4 RTSP/1.0\r\nCSeq: " + (i + 1)
                        + "\r\nUser-Agent: " + USER_AGENT + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                RtspResponse answer = RtspTestClient.readMessage(in);
                assertTrue(answer != null && answer.protocol().equals("RTSP/1.0") && answer.code() == 404,
                        answer == null ? "closed" : answer.protocol() + " " + answer.code() + " " + answer.reason());
            }
        }
        return n;
    }

    /** The history page of this flood once its rows' counts add up to {@code total}. */
    private static JsonObject awaitTotalCount(int total, int seconds) throws Exception {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (true) {
            HttpResponse<String> r = ConsoleApi.admin().get("/api/logs/sessions?client=" + CLIENT + "&path=" + FOLDER
                    + "&size=1000");
            assertEquals(200, r.statusCode(), r.body());
            JsonObject page = Json.createReader(new StringReader(r.body())).readObject();
            int counted = page.getJsonArray("items").stream().mapToInt(v -> v.asJsonObject().getInt("count", 1)).sum();
            if (counted >= total || System.nanoTime() > deadline) {
                assertEquals(total, counted, "refusals counted by the rows: " + page.getInt("total") + " rows");
                return page;
            }
            Thread.sleep(250);
        }
    }
}
