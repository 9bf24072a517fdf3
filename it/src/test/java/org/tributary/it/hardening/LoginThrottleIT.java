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
import org.tributary.api.access.Credentials;
import org.tributary.rtsp.header.DigestAlgorithm;
import org.tributary.api.access.DigestMath;
import org.tributary.ejb.access.AccessService;
import org.tributary.ejb.access.Permission;
import org.tributary.ejb.access.RuleSpec;
import org.tributary.ejb.logs.AccessLog;
import org.tributary.ejb.users.UserService;
import org.tributary.it.support.DigestAuth;
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
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Failed logins on the wire: counted per address and per user name, answered later without a sleeping
 * thread, never wiped for everyone by one success; Digest answers need qop=auth; a malformed Authorization
 * header is described in the logs, never quoted. Each test sends from loopback addresses of its own
 * (127.0.3.x and up) so its failures lock out nobody else. With the default limits: slowed past 3
 * failures by 250 ms each, an address refused at 10.
 */
@ExtendWith(ArquillianExtension.class)
class LoginThrottleIT {

    static final String BASIC_FOLDER = "it-throttle-basic";
    static final String DIGEST_FOLDER = "it-throttle-digest";
    static final String FILE = "/sample.mp4";
    static final String PASSWORD = "right-pw-4411";
    static final List<String> USERS = List.of("lt-victim", "lt-other", "lt-guessed", "lt-friend", "lt-digest");

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.earWithTestClasses(LoginThrottleIT.class, SourceAddressClient.class,
                SourceAddressClient.Response.class, DigestAuth.class);
    }

    @EJB
    UserService users;
    @EJB
    AccessService access;
    @EJB
    AccessLog accessLog;

    @BeforeEach
    void usersAndRules() throws Exception {
        Path root = Path.of(System.getProperty("tributary.media.root"));
        for (String folder : List.of(BASIC_FOLDER, DIGEST_FOLDER)) {
            Files.createDirectories(root.resolve(folder));
            Files.copy(root.resolve("sample.mp4"), root.resolve(folder + FILE), StandardCopyOption.REPLACE_EXISTING);
        }
        for (String user : USERS) {
            users.putUser(user, null, PASSWORD);
        }
        users.putGroup("it-throttled", USERS);
        Permission members = Permission.listed(List.of(), List.of("it-throttled"));
        access.putRule(new RuleSpec(BASIC_FOLDER, null, AuthScheme.BASIC, members, null, null, null, "IT"));
        access.putRule(new RuleSpec(DIGEST_FOLDER, null, AuthScheme.DIGEST, members, null, null, null, "IT"));
    }

    @AfterEach
    void removeThem() {
        List.of(BASIC_FOLDER, DIGEST_FOLDER).forEach(access::removeRule);
        users.removeGroup("it-throttled");
        USERS.forEach(users::removeUser);
    }

    static String basic(String user, String password) {
        return "Authorization: Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
    }

    /** One DESCRIBE of the Basic folder from {@code address} with these credentials. */
    static SourceAddressClient.Response describe(String address, String user, String password) throws Exception {
        try (SourceAddressClient client = new SourceAddressClient(address)) {
            return client.rtsp("DESCRIBE", BASIC_FOLDER + FILE, 1, basic(user, password));
        }
    }

    @Test
    void anotherUsersSuccessFromTheSameAddressNeitherClearsNorIsBlocked() throws Exception {
        String address = "127.0.3.1";
        SourceAddressClient.Response r = null;
        for (int i = 1; i <= 7; i++) {
            r = describe(address, "lt-victim", "guess-" + i);
            assertEquals(401, r.status(), "failure " + i);
        }
        assertTrue(r.millis() >= 1000, "the 7th failure is held back (4 past the threshold x 250 ms): " + r.millis() + " ms");

        SourceAddressClient.Response other = describe(address, "lt-other", PASSWORD);
        assertEquals(200, other.status(), "another user's right password from the same address is let in");

        SourceAddressClient.Response next = describe(address, "lt-victim", "guess-8");
        assertEquals(401, next.status());
        assertTrue(next.millis() >= 1250, "the success cleared nothing of the address: the 8th failure is held back "
                + "1250 ms, not answered at once (" + next.millis() + " ms)");
    }

    @Test
    void oneNameGuessedFromManyAddressesIsSlowedAndAnotherUsersSuccessDoesNotResetIt() throws Exception {
        SourceAddressClient.Response r = null;
        for (int i = 1; i <= 5; i++) {
            r = describe("127.0.4." + i, "lt-guessed", "guess-" + i);
            assertEquals(401, r.status());
        }
        assertTrue(r.millis() >= 500, "the 5th failure of one name is held back though each address failed once: "
                + r.millis() + " ms");
        assertEquals(200, describe("127.0.4.5", "lt-friend", PASSWORD).status());
        SourceAddressClient.Response sixth = describe("127.0.4.6", "lt-guessed", "guess-6");
        assertEquals(401, sixth.status());
        assertTrue(sixth.millis() >= 750, "lt-friend's success left lt-guessed's count: " + sixth.millis() + " ms");
        assertEquals(200, describe("127.0.4.7", "lt-guessed", PASSWORD).status(), "the right password still works");
    }

    @Test
    void aDigestAnswerWithoutQopGets401AndAFreshChallenge() throws Exception {
        try (SourceAddressClient client = new SourceAddressClient("127.0.5.1")) {
            String path = DIGEST_FOLDER + FILE;
            String uri = SourceAddressClient.url(path);
            SourceAddressClient.Response challenged = client.rtsp("DESCRIBE", path, 1);
            assertEquals(401, challenged.status());
            String md5 = DigestAuth.challenge(challenged.headerValues("WWW-Authenticate"), "MD5");
            Map<String, String> p = DigestAuth.params(md5);

            // RFC 2069, as live555 (VLC) and GStreamer answer: no qop, nc or cnonce; the password is right.
            Credentials noQop = new Credentials(AuthScheme.DIGEST, "lt-digest", null, p.get("realm"), p.get("nonce"), uri,
                    null, "MD5", null, null, null, "DESCRIBE");
            String response = DigestMath.expectedResponse(noQop, DigestAlgorithm.MD5,
                    DigestMath.ha1(DigestAlgorithm.MD5, "lt-digest", p.get("realm"), PASSWORD));
            SourceAddressClient.Response refused = client.rtsp("DESCRIBE", path, 2, "Authorization: Digest username=\"lt-digest\", realm=\""
                    + p.get("realm") + "\", nonce=\"" + p.get("nonce") + "\", uri=\"" + uri + "\", response=\"" + response
                    + "\", algorithm=MD5");
            assertEquals(401, refused.status(), "a replayable answer is refused even with the right password");
            String fresh = DigestAuth.challenge(refused.headerValues("WWW-Authenticate"), "MD5");
            assertEquals("auth", DigestAuth.params(fresh).get("qop"));
            assertNotEquals(p.get("nonce"), DigestAuth.params(fresh).get("nonce"), "a fresh nonce");

            SourceAddressClient.Response allowed = client.rtsp("DESCRIBE", path, 3,
                    DigestAuth.authorization(fresh, "DESCRIBE", uri, "lt-digest", PASSWORD));
            assertEquals(200, allowed.status(), "the same password with qop=auth is let in");
        }
    }

    @Test
    void aMalformedAuthorizationHeaderIsDescribedNeverLogged() throws Exception {
        String secret = "Leak" + UUID.randomUUID().toString().replace("-", "");
        String agent = "ThrottleIT-" + secret.substring(4, 12);
        List<String> headers = List.of("Basic " + secret + "*not*base64", "Digest username=\"x\", response=\"" + secret);
        for (String header : headers) {
            try (SourceAddressClient client = new SourceAddressClient("127.0.6.1")) {
                assertEquals(400, client.rtsp("DESCRIBE", "sample.mp4", 1, "Authorization: " + header).status());
            }
            try (SourceAddressClient client = new SourceAddressClient("127.0.6.1")) {
                SourceAddressClient.Response http = client.exchange("GET /sample.mp3 HTTP/1.0\r\nUser-Agent: " + agent
                        + "\r\nAuthorization: " + header + "\r\n\r\n");
                assertEquals("HTTP/1.0", http.protocol());
                assertEquals(400, http.status());
                assertFalse(new String(http.body(), StandardCharsets.UTF_8).contains(secret), "not echoed to the client");
            }
        }
        Path logDir = Path.of(System.getProperty("jboss.server.log.dir"));
        Path errorLog = logDir.resolve("tributary-error.log");
        // The refusals are logged with a description and a length: wait for those lines, then look for the secret.
        for (String header : headers) {
            String description = "credentials (" + header.length() + " characters; not logged)";
            awaitContains(errorLog, description);
        }
        awaitContains(accessLog.path(), agent);
        List<Path> logs = new ArrayList<>(filesIn(logDir)); // server.log, tributary-error.log, and the rolled ones
        logs.addAll(filesIn(accessLog.path().getParent()));
        assertTrue(logs.contains(logDir.resolve("server.log")) && logs.contains(accessLog.path()), logs.toString());
        for (Path file : logs) {
            assertFalse(Files.readString(file, StandardCharsets.ISO_8859_1).contains(secret),
                    "the header's content is not in " + file);
        }
    }

    private static List<Path> filesIn(Path dir) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }

    /** Waits (logs are written asynchronously) until {@code file} contains {@code text}. */
    private static void awaitContains(Path file, String text) throws Exception {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (!(Files.exists(file) && Files.readString(file, StandardCharsets.ISO_8859_1).contains(text))) {
            assertTrue(System.nanoTime() < deadline, "'" + text + "' did not appear in " + file);
            Thread.sleep(100);
        }
    }
}
