package org.tributary.it.access;

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
import org.tributary.ejb.users.UserService;
import org.tributary.it.support.Deployments;
import org.tributary.it.support.Endpoints;
import org.tributary.it.support.RtspTestClient;
import org.tributary.it.support.Tools;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * ANNOUNCE and RECORD (publishing) on the wire: the write check of the folder's rule runs first (401
 * without credentials, 403 for a user who may not publish there); an allowed publisher's ANNOUNCE is
 * accepted (the whole broadcast with real encoders is LivePublishIT's).
 */
@ExtendWith(ArquillianExtension.class)
class PublishAccessIT {

    static final String FOLDER = "it-publish";
    static final String SDP = "v=0\r\no=- 0 0 IN IP4 127.0.0.1\r\ns=live\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
            + "m=audio 0 RTP/AVP 14\r\na=control:trackID=1\r\n";

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.earWithTestClasses(PublishAccessIT.class, AuthenticationIT.class, Tools.class);
    }

    @EJB
    UserService users;

    @EJB
    AccessService access;

    @BeforeEach
    void usersAndRule() throws Exception {
        users.putUser("it-publisher", null, "pub-pw");
        users.putUser("it-caster", null, "cast-pw");
        users.putUser("it-listener", null, "listen-pw");
        // Anyone may listen; only it-publisher is in the write audience; it-caster has a broadcaster account.
        access.putRule(new RuleSpec(FOLDER, null, AuthScheme.BASIC, Permission.of(Audience.ANYONE),
                Permission.listed(List.of("it-publisher"), List.of()), null, null, "IT"));
        access.putBroadcaster("it-caster", List.of(FOLDER));
    }

    @AfterEach
    void removeThem() {
        access.removeRule(FOLDER);
        access.removeBroadcaster("it-caster");
        List.of("it-publisher", "it-caster", "it-listener").forEach(users::removeUser);
    }

    static RtspTestClient.Response announce(String path, String... headers) throws Exception {
        try (RtspTestClient client = new RtspTestClient()) {
            StringBuilder request = new StringBuilder("ANNOUNCE " + Endpoints.RTSP + path + " RTSP/1.0\r\nCSeq: 1\r\n");
            for (String h : headers) {
                request.append(h).append("\r\n");
            }
            request.append("Content-Type: application/sdp\r\nContent-Length: ")
                    .append(SDP.getBytes(StandardCharsets.US_ASCII).length).append("\r\n\r\n").append(SDP);
            client.sendRaw(request.toString());
            return client.readResponse();
        }
    }

    static RtspTestClient.Response record(String path, String... headers) throws Exception {
        try (RtspTestClient client = new RtspTestClient()) {
            String[] all = new String[headers.length + 2];
            all[0] = "Session: 12345678";
            all[1] = "Range: npt=0-";
            System.arraycopy(headers, 0, all, 2, headers.length);
            return client.request("RECORD", Endpoints.RTSP + path, 3, all);
        }
    }

    @Test
    void announceWithoutCredentialsIsChallenged() throws Exception {
        RtspTestClient.Response r = announce(FOLDER + "/live.sdp");
        assertEquals(401, r.status());
        assertEquals(List.of("Basic realm=\"Streaming Server\""), r.headerValues("WWW-Authenticate"));
        assertEquals("1", r.header("CSeq"));
    }

    @Test
    void aUserWhoMayNotPublishIsRefused() throws Exception {
        assertEquals(403, announce(FOLDER + "/live.sdp", AuthenticationIT.basic("it-listener", "listen-pw")).status());
        assertEquals(403, record(FOLDER + "/live.sdp", AuthenticationIT.basic("it-listener", "listen-pw")).status());
        assertEquals(401, announce(FOLDER + "/live.sdp", AuthenticationIT.basic("it-publisher", "wrong")).status());
    }

    @Test
    void anAllowedPublisherMayAnnounce() throws Exception {
        for (String[] user : List.of(new String[] {"it-publisher", "pub-pw"}, new String[] {"it-caster", "cast-pw"})) {
            // The previous ANNOUNCE's connection is closed, but the server may not have read that close yet when the
            // next connection's ANNOUNCE arrives (then the path is still announced: 455); it lets go at the close.
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(5);
            RtspTestClient.Response r = announce(FOLDER + "/live.sdp", AuthenticationIT.basic(user[0], user[1]));
            while (r.status() == 455 && System.nanoTime() < deadline) {
                Thread.sleep(100);
                r = announce(FOLDER + "/live.sdp", AuthenticationIT.basic(user[0], user[1]));
            }
            assertEquals(200, r.status(), user[0] + ": " + r.bodyText());
        }
        // RECORD names a session this client never set up: 454, after the write check passed.
        assertEquals(454, record(FOLDER + "/live.sdp", AuthenticationIT.basic("it-publisher", "pub-pw")).status());
    }

    @Test
    void recordWithoutCredentialsIsChallengedAndAFolderWithoutRuleIsClosedToPublishing() throws Exception {
        assertEquals(401, record(FOLDER + "/live.sdp").status());
        // No rule covers this folder: reading is open, publishing needs a broadcaster account.
        assertEquals(401, announce("it-publish-elsewhere/live.sdp").status());
        assertEquals(403, announce("it-publish-elsewhere/live.sdp", AuthenticationIT.basic("it-publisher", "pub-pw"))
                .status());
    }
}
