package org.tributary.it.access;

import jakarta.ejb.EJB;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tributary.rtsp.header.DigestAlgorithm;
import org.tributary.api.access.DigestMath;
import org.tributary.ejb.access.AccessService;
import org.tributary.ejb.darwin.DarwinExport;
import org.tributary.ejb.darwin.DarwinFiles;
import org.tributary.ejb.darwin.DarwinImportService;
import org.tributary.ejb.darwin.ImportReport;
import org.tributary.ejb.users.UserService;
import org.tributary.it.support.Deployments;
import org.tributary.it.support.DigestAuth;
import org.tributary.it.support.Endpoints;
import org.tributary.it.support.RtspTestClient;
import org.tributary.it.support.Tools;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A Darwin installation's qtusers, qtgroups and qtaccess files (placed in media folders as Darwin had
 * them) are imported into the database, and the server then decides as Darwin did with the files.
 */
@ExtendWith(ArquillianExtension.class)
class DarwinImportIT {

    static final String REALM = "Streaming Server";

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.earWithTestClasses(DarwinImportIT.class, AuthenticationIT.class, Tools.class, DigestAuth.class);
    }

    @EJB
    DarwinImportService importer;

    @EJB
    DarwinExport export;

    @EJB
    AccessService access;

    @EJB
    UserService users;

    @AfterEach
    void cleanUp() throws Exception {
        List.of("it-qt", "it-qt/bob").forEach(access::removeRule);
        List.of("qt-alice", "qt-bob").forEach(users::removeUser);
        List.of("qt-staff").forEach(users::removeGroup);
        Path root = Path.of(System.getProperty("tributary.media.root"));
        Files.deleteIfExists(root.resolve("it-qt/qtaccess"));
        Files.deleteIfExists(root.resolve("it-qt/bob/qtaccess"));
    }

    static String line(String user, String password) {
        return user + ":abCDef12345:" + DigestMath.ha1(DigestAlgorithm.MD5, user, REALM, password) + "\n";
    }

    @Test
    void importedFilesDecideAsDarwinDid() throws Exception {
        Path root = Path.of(System.getProperty("tributary.media.root"));
        AuthenticationIT.mediaFolder("it-qt");
        AuthenticationIT.mediaFolder("it-qt/bob");
        Files.writeString(root.resolve("it-qt/qtaccess"), "AuthName \"Staff\"\nAuthScheme basic\nrequire group qt-staff\n");
        Files.writeString(root.resolve("it-qt/bob/qtaccess"), "# bob's corner\nrequire user qt-bob\n");
        Path dir = Files.createTempDirectory("darwin");
        Files.writeString(dir.resolve("qtusers"), "realm " + REALM + "\n" + line("qt-alice", "alice-pw") + line("qt-bob", "bob-pw"));
        Files.writeString(dir.resolve("qtgroups"), "qt-staff: qt-alice\n");

        ImportReport report = importer.importTree(root, dir.resolve("qtusers"), dir.resolve("qtgroups"));
        assertTrue(report.stored(), report.problems().toString());
        assertEquals(2, report.users());
        assertEquals(2, report.rules());

        assertEquals(401, AuthenticationIT.describe("it-qt").status());
        assertEquals(200, AuthenticationIT.describe("it-qt", AuthenticationIT.basic("qt-alice", "alice-pw")).status());
        assertEquals(403, AuthenticationIT.describe("it-qt", AuthenticationIT.basic("qt-bob", "bob-pw")).status());
        assertEquals(200, AuthenticationIT.describe("it-qt/bob", AuthenticationIT.basic("qt-bob", "bob-pw")).status(),
                "the deeper qtaccess overrides");
        assertEquals(403, AuthenticationIT.describe("it-qt/bob", AuthenticationIT.basic("qt-alice", "alice-pw")).status());
        Tools.Result digest = AuthenticationIT.ffprobe(
                "rtsp://qt-bob:bob-pw@127.0.0.1:" + org.tributary.it.support.Endpoints.RTSP_PORT + "/it-qt/bob/sample.mp4");
        assertEquals(0, digest.exitCode(), "Digest MD5 with the imported HA1: " + digest.stderr());

        assertTrue(export.qtusers(REALM).contains(line("qt-bob", "bob-pw")), export.qtusers(REALM));
        assertTrue(export.qtaccess().get("it-qt/bob").contains("require user qt-bob"), export.qtaccess().toString());
    }

    /** DESCRIBE answered with Digest SHA-256: first the 401 challenge, then the answer to it. */
    static int describeWithDigestSha256(String folder, String user, String password) throws Exception {
        String uri = Endpoints.RTSP + folder + "/sample.mp4";
        RtspTestClient.Response challenged = AuthenticationIT.describe(folder);
        assertEquals(401, challenged.status());
        String challenge = DigestAuth.challenge(challenged.headerValues("WWW-Authenticate"), "SHA-256");
        return AuthenticationIT.describe(folder, DigestAuth.authorization(challenge, "DESCRIBE", uri, user, password))
                .status();
    }

    @Test
    void aBasicLoginGivesAnImportedUserTheSha256Hash() throws Exception {
        AuthenticationIT.mediaFolder("it-qt");
        ImportReport report = importer.importFiles(new DarwinFiles("realm " + REALM + "\n" + line("qt-alice", "alice-pw"),
                "", Map.of("it-qt", "require user qt-alice\n")));
        assertTrue(report.stored(), report.problems().toString());
        assertNull(users.user("qt-alice").orElseThrow().getHa1Sha256(), "qtusers holds only the MD5 HA1");
        assertEquals(401, describeWithDigestSha256("it-qt", "qt-alice", "alice-pw"), "no SHA-256 HA1 yet");

        assertEquals(200, AuthenticationIT.describe("it-qt", AuthenticationIT.basic("qt-alice", "alice-pw")).status());

        assertEquals(DigestMath.ha1(DigestAlgorithm.SHA_256, "qt-alice", REALM, "alice-pw"),
                users.user("qt-alice").orElseThrow().getHa1Sha256(), "stored after the Basic login");
        assertEquals(200, describeWithDigestSha256("it-qt", "qt-alice", "alice-pw"), "Digest SHA-256 works now");
        assertEquals(401, describeWithDigestSha256("it-qt", "qt-alice", "not-her-pw"));
    }

    @Test
    void aFileWithBadLinesIsReportedAndNothingIsStored() {
        access.putRule("it-qt", true, "before the import");
        ImportReport report = importer.importFiles(new DarwinFiles("realm " + REALM + "\n" + line("qt-alice", "a"),
                "qt-staff qt-alice\n", Map.of("it-qt", "require group qt-staff\n<Limit WRITE>\n")));
        assertEquals(List.of("qtgroups:1: expected 'group: user1 user2 ...'", "it-qt/qtaccess:2: <Limit> is not closed"),
                report.problems().stream().map(Object::toString).toList());
        assertTrue(users.user("qt-alice").isEmpty(), "no user stored");
        assertEquals("before the import", access.rule("it-qt").orElseThrow().getNote(), "the stored rule is untouched");
    }
}
