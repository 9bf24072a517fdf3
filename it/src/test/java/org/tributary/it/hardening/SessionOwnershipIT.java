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
import org.tributary.ejb.access.Permission;
import org.tributary.ejb.access.RuleSpec;
import org.tributary.ejb.logs.W3cLogParser;
import org.tributary.ejb.users.UserService;
import org.tributary.it.support.Deployments;
import org.tributary.it.support.Endpoints;
import org.tributary.it.support.RtspTestClient;
import org.tributary.it.support.RtspTestClient.Response;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Base64;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Item 4: a session answers only its owner. Another address that knows the id gets 454 for every method
 * (and a WARN line naming it) while the owner keeps playing; the same address with the same user on a new
 * connection (a tunnel client, a reconnecting client) may go on. Runs inside the server to store a user
 * and a Basic rule with the EJBs.
 */
@ExtendWith(ArquillianExtension.class)
class SessionOwnershipIT {

    static final String URL = Endpoints.RTSP + "long.mp4";
    static final String FOLDER = "it-owned";
    static final String PROTECTED = Endpoints.RTSP + FOLDER + "/sample.mp4";
    static final String RUN = Long.toString(System.nanoTime(), 36);
    static final String OWNER_AGENT = "User-Agent: SessionOwnershipIT-owner-" + RUN;
    static final String INTRUDER_AGENT = "User-Agent: SessionOwnershipIT-intruder-" + RUN;

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.earWithTestClasses(SessionOwnershipIT.class, ServerLog.class);
    }

    @EJB
    UserService users;

    @EJB
    AccessService access;

    @BeforeEach
    void aProtectedFolder() throws Exception {
        Path root = Path.of(System.getProperty("tributary.media.root"));
        Files.createDirectories(root.resolve(FOLDER));
        Files.copy(root.resolve("sample.mp4"), root.resolve(FOLDER).resolve("sample.mp4"),
                StandardCopyOption.REPLACE_EXISTING);
        users.putUser("it-owner", null, "owner-pw");
        users.putUser("it-neighbour", null, "neighbour-pw");
        access.putRule(new RuleSpec(FOLDER, null, AuthScheme.BASIC,
                Permission.listed(List.of("it-owner", "it-neighbour"), List.of()), null, null, null, "IT"));
    }

    @AfterEach
    void removeThem() {
        access.removeRule(FOLDER);
        users.removeUser("it-owner");
        users.removeUser("it-neighbour");
    }

    static String basic(String user, String password) {
        return "Authorization: Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
    }

    static String setup(RtspTestClient client, String trackUrl, int rtpPort, int cseq, String... more) throws Exception {
        String[] headers = new String[more.length + 1];
        headers[0] = "Transport: RTP/AVP;unicast;client_port=" + rtpPort + "-" + (rtpPort + 1);
        System.arraycopy(more, 0, headers, 1, more.length);
        Response r = client.request("SETUP", trackUrl, cseq, headers);
        assertEquals(200, r.status(), "SETUP " + trackUrl);
        String session = r.header("Session");
        return session.substring(0, session.indexOf(';'));
    }

    /** The sequence number of the next RTP packet that arrives within 5 s, or -1. */
    static int nextRtpSequence(DatagramSocket rtp) throws Exception {
        byte[] buffer = new byte[2048];
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        rtp.setSoTimeout(5000);
        try {
            rtp.receive(packet);
        } catch (SocketTimeoutException e) {
            return -1;
        }
        return ((buffer[2] & 0xff) << 8) | (buffer[3] & 0xff);
    }

    /** Drops what arrived so far, so that the next packet is one sent from now on. */
    static void drain(DatagramSocket rtp) throws Exception {
        rtp.setSoTimeout(1);
        byte[] buffer = new byte[2048];
        try {
            for (int i = 0; i < 100_000; i++) {
                rtp.receive(new DatagramPacket(buffer, buffer.length));
            }
        } catch (SocketTimeoutException empty) {
            // nothing more buffered
        }
    }

    @Test
    void anotherAddressGets454ForEveryMethodWhileTheOwnerKeepsPlaying() throws Exception {
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        try (RtspTestClient owner = new RtspTestClient(); DatagramSocket rtp = new DatagramSocket(0, loopback);
             RtspTestClient intruder = new RtspTestClient(InetAddress.getByName("127.0.0.2"))) {
            String id = setup(owner, URL + "/trackID=1", rtp.getLocalPort(), 2, OWNER_AGENT);
            String session = "Session: " + id;
            assertEquals(454, intruder.request("SETUP", URL + "/trackID=2", 1, session, INTRUDER_AGENT,
                    "Transport: RTP/AVP/TCP;unicast;interleaved=0-1").status(), "SETUP into another client's session");
            assertEquals(200, owner.request("PLAY", URL, 3, session).status());
            assertTrue(nextRtpSequence(rtp) >= 0, "the owner receives RTP");

            assertEquals(454, intruder.request("PAUSE", URL, 2, session).status(), "PAUSE");
            assertEquals(454, intruder.request("PLAY", URL, 3, session, "Range: npt=25-").status(), "PLAY");
            assertEquals(454, intruder.request("SET_PARAMETER", URL, 4, session).status(), "SET_PARAMETER");
            assertEquals(454, intruder.request("GET_PARAMETER", URL, 5, session).status(), "GET_PARAMETER");
            assertEquals(454, intruder.request("OPTIONS", "*", 6, session).status(), "OPTIONS keep-alive");
            assertEquals(454, intruder.request("TEARDOWN", URL, 7, session, INTRUDER_AGENT).status(), "TEARDOWN");
            assertEquals(454, intruder.request("TEARDOWN", URL, 8, "Session: 0000000000000000").status(),
                    "an unknown id gets the same answer");

            String warning = ServerLog.awaitWarning("TEARDOWN", id, "127.0.0.2", "answering 454");
            assertNotNull(warning, "a WARN line names the refused address and the session");

            drain(rtp);
            assertTrue(nextRtpSequence(rtp) >= 0, "the owner still receives RTP after the intruder's requests");
            assertEquals(200, owner.request("GET_PARAMETER", URL, 4, session).status());
            assertEquals(200, owner.request("TEARDOWN", URL, 5, session).status(), "the owner's TEARDOWN works");
        }
        // The intruder's refusals are its own access-log lines; they do not become the owner's session status.
        W3cLogParser.Entry owners = awaitAccessLogLine(OWNER_AGENT);
        assertEquals("200", owners.get("c-status"), owners.values().toString());
        W3cLogParser.Entry intruders = awaitAccessLogLine(INTRUDER_AGENT);
        assertEquals("454", intruders.get("c-status"), intruders.values().toString());
        assertEquals("127.0.0.2", intruders.get("c-ip"));
    }

    /** The first access-log line of a User-Agent header's client, waiting up to 20 s for the log bean to write it. */
    static W3cLogParser.Entry awaitAccessLogLine(String agentHeader) throws Exception {
        String agent = agentHeader.substring("User-Agent: ".length());
        Path log = Path.of(System.getProperty("jboss.server.log.dir"), "tributary-access.log");
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (true) {
            if (Files.exists(log)) {
                try {
                    for (W3cLogParser.Entry e : W3cLogParser.parse(log).entries()) {
                        if (agent.equals(e.text("cs(User-Agent)"))) {
                            return e;
                        }
                    }
                } catch (W3cLogParser.MalformedLogException partlyWritten) {
                    // a line being written: read again
                }
            }
            assertTrue(System.nanoTime() < deadline, "no access-log line for " + agent);
            Thread.sleep(200);
        }
    }

    @Test
    void theSameAddressAndUserMayUseTheSessionFromANewConnection() throws Exception {
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        try (DatagramSocket rtp = new DatagramSocket(0, loopback)) {
            String owners = basic("it-owner", "owner-pw");
            String id;
            try (RtspTestClient first = new RtspTestClient()) {
                id = setup(first, PROTECTED + "/trackID=1", rtp.getLocalPort(), 2, owners);
            }
            String session = "Session: " + id;
            try (RtspTestClient again = new RtspTestClient()) {
                assertEquals(454, again.request("PAUSE", PROTECTED, 1, session).status(),
                        "the same address without the user's credentials");
                assertEquals(454, again.request("TEARDOWN", PROTECTED, 2, session,
                        basic("it-neighbour", "neighbour-pw")).status(), "the same address, another user");
                assertEquals(200, again.request("GET_PARAMETER", PROTECTED, 3, session, owners).status(),
                        "the same address and user on a new connection");
                assertEquals(200, again.request("PLAY", PROTECTED, 4, session, owners).status());
                assertEquals(200, again.request("TEARDOWN", PROTECTED, 5, session, owners).status());
            }
            String anonymous;
            try (RtspTestClient first = new RtspTestClient()) {
                anonymous = setup(first, URL + "/trackID=1", rtp.getLocalPort(), 2);
            }
            try (RtspTestClient again = new RtspTestClient()) {
                assertEquals(200, again.request("OPTIONS", "*", 1, "Session: " + anonymous).status(),
                        "an anonymous session answers its address on a new connection (a tunnel's POSTs)");
                assertEquals(200, again.request("TEARDOWN", URL, 2, "Session: " + anonymous).status());
            }
        }
    }
}
