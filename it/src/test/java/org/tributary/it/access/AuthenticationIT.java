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
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Base64;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Basic and Digest on the wire, from inside the server: users and rules are stored with the EJBs, then
 * ffprobe (with rtsp://user:pass@...) and a raw RTSP client talk to the adapter, which asks the MDB.
 */
@ExtendWith(ArquillianExtension.class)
class AuthenticationIT {

    static final String BASIC_FOLDER = "it-auth-basic";
    static final String DIGEST_FOLDER = "it-auth-digest";
    static final String FENCED_FOLDER = "it-auth-fenced";

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.earWithTestClasses(AuthenticationIT.class, Tools.class);
    }

    @EJB
    UserService users;

    @EJB
    AccessService access;

    /** Copies sample.mp4 into a folder of the media root the server under test serves. */
    static void mediaFolder(String folder) throws Exception {
        Path root = Path.of(System.getProperty("tributary.media.root"));
        Files.createDirectories(root.resolve(folder));
        Files.copy(root.resolve("sample.mp4"), root.resolve(folder).resolve("sample.mp4"), StandardCopyOption.REPLACE_EXISTING);
    }

    @BeforeEach
    void usersAndRules() throws Exception {
        for (String folder : List.of(BASIC_FOLDER, DIGEST_FOLDER, FENCED_FOLDER)) {
            mediaFolder(folder);
        }
        users.putUser("it-viewer", null, "s3cret pass");
        users.putUser("it-outsider", null, "outsider-pw");
        users.putGroup("it-viewers", List.of("it-viewer"));
        Permission viewers = Permission.listed(List.of(), List.of("it-viewers"));
        access.putRule(new RuleSpec(BASIC_FOLDER, null, AuthScheme.BASIC, viewers, null, null, null, "IT"));
        access.putRule(new RuleSpec(DIGEST_FOLDER, null, AuthScheme.DIGEST, viewers, null, null, null, "IT"));
        access.putRule(new RuleSpec(FENCED_FOLDER, null, null, Permission.of(Audience.ANY_USER), null, null,
                List.of("127.0.0.0/8"), "IT"));
    }

    @AfterEach
    void removeThem() {
        List.of(BASIC_FOLDER, DIGEST_FOLDER, FENCED_FOLDER).forEach(access::removeRule);
        users.removeGroup("it-viewers");
        users.removeUser("it-viewer");
        users.removeUser("it-outsider");
    }

    static String url(String user, String password, String folder) {
        return "rtsp://" + user + ":" + password.replace(" ", "%20") + "@127.0.0.1:" + Endpoints.RTSP_PORT + "/" + folder
                + "/sample.mp4";
    }

    static Tools.Result ffprobe(String url) throws Exception {
        return Tools.run(30, "ffprobe", "-hide_banner", "-loglevel", "error", "-rtsp_transport", "tcp",
                "-show_entries", "stream=codec_type", "-of", "csv=p=0", url);
    }

    static RtspTestClient.Response describe(String folder, String... headers) throws Exception {
        try (RtspTestClient client = new RtspTestClient()) {
            String[] all = new String[headers.length + 1];
            all[0] = "Accept: application/sdp";
            System.arraycopy(headers, 0, all, 1, headers.length);
            return client.request("DESCRIBE", Endpoints.RTSP + folder + "/sample.mp4", 2, all);
        }
    }

    static String basic(String user, String password) {
        return "Authorization: Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void ffprobePlaysAProtectedFileWithBasic() throws Exception {
        Tools.Result r = ffprobe(url("it-viewer", "s3cret pass", BASIC_FOLDER));
        assertEquals(0, r.exitCode(), r.stderr());
        assertTrue(r.lines().contains("video") && r.lines().contains("audio"), r.stdout());
    }

    @Test
    void ffprobePlaysAProtectedFileWithDigest() throws Exception {
        Tools.Result r = ffprobe(url("it-viewer", "s3cret pass", DIGEST_FOLDER));
        assertEquals(0, r.exitCode(), r.stderr());
        assertTrue(r.lines().contains("video") && r.lines().contains("audio"), r.stdout());
    }

    @Test
    void ffmpegWithAWrongPasswordGetsNothing() throws Exception {
        Tools.Result r = ffprobe(url("it-viewer", "wrong", DIGEST_FOLDER));
        assertTrue(r.exitCode() != 0, "ffprobe must fail");
        assertTrue(r.stderr().contains("401"), r.stderr());
    }

    @Test
    void withoutCredentialsTheChallengeMatchesTheFolderScheme() throws Exception {
        RtspTestClient.Response basic = describe(BASIC_FOLDER);
        assertEquals(401, basic.status());
        assertEquals(List.of("Basic realm=\"Streaming Server\""), basic.headerValues("WWW-Authenticate"));

        RtspTestClient.Response digest = describe(DIGEST_FOLDER);
        assertEquals(401, digest.status());
        List<String> challenges = digest.headerValues("WWW-Authenticate");
        assertEquals(2, challenges.size(), challenges.toString());
        assertTrue(challenges.get(0).matches("Digest realm=\"Streaming Server\", nonce=\"[A-Za-z0-9_-]+\", "
                + "algorithm=SHA-256, qop=\"auth\""), challenges.get(0));
        assertTrue(challenges.get(1).endsWith("algorithm=MD5, qop=\"auth\""), challenges.get(1));

        RtspTestClient.Response fenced = describe(FENCED_FOLDER + "-not-fenced");
        assertTrue(fenced.status() != 401, "other folders are open: " + fenced.status());
    }

    @Test
    void wrongCredentialsAreChallengedAgainAndAnOutsiderIsRefused() throws Exception {
        RtspTestClient.Response wrong = describe(BASIC_FOLDER, basic("it-viewer", "not it"));
        assertEquals(401, wrong.status());
        assertEquals("Basic realm=\"Streaming Server\"", wrong.header("WWW-Authenticate"));
        assertEquals(401, describe(BASIC_FOLDER, basic("nobody-at-all", "x")).status());
        assertEquals(403, describe(BASIC_FOLDER, basic("it-outsider", "outsider-pw")).status(),
                "authenticated but not in the group");
        assertEquals(200, describe(BASIC_FOLDER, basic("it-viewer", "s3cret pass")).status());
    }

    @Test
    void anAllowedUserFromADeniedAddressIsRefused() throws Exception {
        assertEquals(403, describe(FENCED_FOLDER, basic("it-viewer", "s3cret pass")).status());
        Tools.Result r = ffprobe(url("it-viewer", "s3cret pass", FENCED_FOLDER));
        assertTrue(r.exitCode() != 0 && r.stderr().contains("403"), r.stderr());
    }
}
