package org.tributary.it.hardening;

import jakarta.ejb.EJB;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tributary.rtsp.header.AuthScheme;
import org.tributary.ejb.access.AccessService;
import org.tributary.ejb.access.Audience;
import org.tributary.ejb.access.Permission;
import org.tributary.ejb.access.RuleSpec;
import org.tributary.it.support.Deployments;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The control path under a flood: 100 clients loop on requests that each need an access decision (DESCRIBEs
 * of random missing paths) or that fail a login (held-back 401s), while a normal client's DESCRIBE of an
 * open file must still be answered quickly and nobody gets 503. Before the fix, handlers and decisions
 * shared one pool and failed logins slept on it: a normal DESCRIBE took seconds and some got 503.
 */
@ExtendWith(ArquillianExtension.class)
class ControlPathIT {

    static final int CLIENTS = 100;
    static final int PROBES = 10;
    /** Loose on purpose (a loaded 2-core box): the shared pool gave 2.3 s, and 503 after 3 s. */
    static final long MEDIAN_BOUND_MILLIS = 1000;
    static final String LOCKED_FOLDER = "it-control-locked";

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.earWithTestClasses(ControlPathIT.class, ControlPathIT.Flood.class, SourceAddressClient.class,
                SourceAddressClient.Response.class);
    }

    @EJB
    AccessService access;

    @BeforeEach
    void lockedFolder() throws Exception {
        Path root = Path.of(System.getProperty("tributary.media.root"));
        Files.createDirectories(root.resolve(LOCKED_FOLDER));
        Files.copy(root.resolve("sample.mp4"), root.resolve(LOCKED_FOLDER).resolve("sample.mp4"),
                StandardCopyOption.REPLACE_EXISTING);
        access.putRule(new RuleSpec(LOCKED_FOLDER, null, AuthScheme.BASIC, Permission.of(Audience.ANY_USER), null, null,
                null, "IT"));
    }

    @AfterEach
    void removeRule() {
        access.removeRule(LOCKED_FOLDER);
    }

    @Test
    void aNormalDescribeStaysQuickWhile100ClientsAskForMissingPaths() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        try (Flood flood = new Flood(i -> "127.0.7." + (i + 1), client -> "DESCRIBE " + SourceAddressClient.url(
                "it-missing-" + run + "/" + UUID.randomUUID() + ".mp4") + " RTSP/1.0\r\nCSeq: 1\r\n\r\n")) {
            flood.awaitAnswers(3 * CLIENTS);
            List<Long> probes = probe();
            flood.stop();
            assertEquals(Map.of(404, flood.total()), flood.byStatus(), "every flood request answered 404, none 503");
            assertQuick(probes);
        }
    }

    @Test
    void aNormalDescribeStaysQuickWhile100ClientsFailLogins() throws Exception {
        // Every client is its own address (a lockout there would end its flood); all guess one user name,
        // so past the third failure each 401 is held back the full 2 s.
        String header = "Authorization: Basic " + Base64.getEncoder().encodeToString(
                ("cp-guessed-" + UUID.randomUUID().toString().substring(0, 8) + ":wrong").getBytes(StandardCharsets.UTF_8));
        try (Flood flood = new Flood(i -> "127.0.8." + (i + 1), client -> "DESCRIBE " + SourceAddressClient.url(
                LOCKED_FOLDER + "/sample.mp4") + " RTSP/1.0\r\nCSeq: 1\r\n" + header + "\r\n\r\n")) {
            flood.awaitAnswers(CLIENTS);
            List<Long> probes = probe();
            flood.stop();
            assertEquals(0, flood.byStatus().getOrDefault(503, 0), "no 503: " + flood.byStatus());
            assertTrue(flood.byStatus().getOrDefault(401, 0) >= CLIENTS, "the guesses got 401: " + flood.byStatus());
            assertQuick(probes);
        }
    }

    /** A normal client's DESCRIBEs of an open file, each on a new connection: how long each took. */
    private static List<Long> probe() throws Exception {
        List<Long> millis = new ArrayList<>();
        for (int i = 0; i < PROBES; i++) {
            try (SourceAddressClient client = new SourceAddressClient("127.0.0.1")) {
                SourceAddressClient.Response r = client.rtsp("DESCRIBE", "sample.mp4", 1, "Accept: application/sdp");
                assertEquals(200, r.status(), "the normal DESCRIBE");
                millis.add(r.millis());
            }
        }
        return millis;
    }

    private static void assertQuick(List<Long> probes) {
        List<Long> sorted = probes.stream().sorted().toList();
        long median = sorted.get(sorted.size() / 2);
        assertTrue(median < MEDIAN_BOUND_MILLIS, "median " + median + " ms of " + probes);
        assertTrue(sorted.get(sorted.size() - 1) < 3000, "none waited for the 3 s access timeout: " + probes);
    }

    /** {@value #CLIENTS} threads, each with its own connection, sending one request after the other. */
    static final class Flood implements AutoCloseable {

        private final List<Thread> threads = new ArrayList<>();
        private final Map<Integer, Integer> byStatus = new ConcurrentHashMap<>();
        private final AtomicInteger answers = new AtomicInteger();
        private final AtomicLong failures = new AtomicLong();
        private volatile boolean running = true;

        Flood(IntFunction<String> sourceAddress, IntFunction<String> request) {
            for (int i = 0; i < CLIENTS; i++) {
                int index = i;
                Thread t = new Thread(() -> loop(sourceAddress.apply(index), index, request), "flood-" + i);
                t.setDaemon(true);
                threads.add(t);
                t.start();
            }
        }

        private void loop(String address, int index, IntFunction<String> request) {
            try (SourceAddressClient client = new SourceAddressClient(address)) {
                while (running) {
                    int status = client.exchange(request.apply(index)).status();
                    byStatus.merge(status, 1, Integer::sum);
                    answers.incrementAndGet();
                }
            } catch (Exception e) {
                failures.incrementAndGet();
            }
        }

        /** Waits until the flood has had {@code count} answers (so it is in full swing). */
        void awaitAnswers(int count) throws InterruptedException {
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (answers.get() < count) {
                assertTrue(System.nanoTime() < deadline, "the flood got only " + answers.get() + " answers");
                Thread.sleep(50);
            }
        }

        void stop() throws InterruptedException {
            running = false;
            for (Thread t : threads) {
                t.join(20_000);
            }
            assertEquals(0, failures.get(), "no flood connection broke");
        }

        int total() {
            return answers.get();
        }

        Map<Integer, Integer> byStatus() {
            return Map.copyOf(byStatus);
        }

        @Override
        public void close() throws InterruptedException {
            running = false;
        }
    }
}
