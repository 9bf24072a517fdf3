package org.tributary.ejb.darwin;

import org.junit.jupiter.api.Test;
import org.tributary.api.access.AccessAction;
import org.tributary.api.access.AccessDecision.Outcome;
import org.tributary.api.access.AccessRequest;
import org.tributary.rtsp.header.AuthScheme;
import org.tributary.api.access.Credentials;
import org.tributary.rtsp.header.DigestAlgorithm;
import org.tributary.api.access.DigestMath;
import org.tributary.api.access.UserHashes;
import org.tributary.ejb.access.AccessPolicy;
import org.tributary.ejb.access.AccessRule;
import org.tributary.ejb.access.Audience;
import org.tributary.ejb.access.Directory;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DarwinFilesTest {

    static final String REALM = "Streaming Server";

    static String usersFile() {
        return "realm " + REALM + "\n"
                + "# a comment\n"
                + "alice:XyZ12abcDEF:" + DigestMath.ha1(DigestAlgorithm.MD5, "alice", REALM, "alicepw") + "\n"
                + "bob:AbC34defGHI:" + DigestMath.ha1(DigestAlgorithm.MD5, "bob", REALM, "bobpw") + "\n"
                + "carol:QwE56ghiJKL:" + DigestMath.ha1(DigestAlgorithm.MD5, "carol", REALM, "carolpw") + "\n";
    }

    static final String GROUPS = "staff: alice carol\nbroadcasters: bob\n";
    static final String STAFF_QTACCESS = "AuthName \"Staff only\"\nAuthScheme basic\nrequire group staff\n"
            + "<Limit WRITE>\n  require group broadcasters\n</Limit>\n";
    static final String BOB_QTACCESS = "require user bob\n";
    static final String MEMBERS_QTACCESS = "# any valid user\nrequire valid-user\n";

    @Test
    void qtusersLinesAreParsedAndBadOnesNamedByLine() {
        QtUsersFile ok = QtUsersFile.parse("qtusers", usersFile());
        assertEquals(REALM, ok.realm());
        assertEquals(List.of("alice", "bob", "carol"), ok.users().stream().map(QtUsersFile.Entry::name).toList());
        assertTrue(ok.problems().isEmpty());
        QtUsersFile bad = QtUsersFile.parse("qtusers", "realm R\nx:y\nok:c:0123456789abcdef0123456789abcdef\nz:c:nothex\n"
                + "ok:c:0123456789abcdef0123456789abcdef\n");
        assertEquals(List.of("qtusers:2", "qtusers:4", "qtusers:5"),
                bad.problems().stream().map(p -> p.file() + ":" + p.line()).toList(), bad.problems().toString());
        assertEquals("qtusers:1: the first line must be 'realm <name>'",
                QtUsersFile.parse("qtusers", "alice:x:0123456789abcdef0123456789abcdef\n").problems().get(0).toString());
    }

    @Test
    void qtgroupsLines() {
        QtGroupsFile groups = QtGroupsFile.parse("qtgroups", GROUPS + "empty:\nno colon here\n");
        assertEquals(List.of("alice", "carol"), groups.groups().get("staff"));
        assertEquals(List.of(), groups.groups().get("empty"));
        assertEquals("qtgroups:4: expected 'group: user1 user2 ...'", groups.problems().get(0).toString());
    }

    /** Found by DarwinFilesFuzzTest: U+001D is whitespace to strip() but not to \\s, so it became a blank member. */
    @Test
    void everyWhitespaceSeparatesNames() {
        QtGroupsFile groups = QtGroupsFile.parse("qtgroups", "B:\u0018\rd\u000b\r\u001d\r\rd\n");
        assertEquals(List.of("\u0018", "d", "d"), groups.groups().get("B"));
        QtAccessFile access = QtAccessFile.parse("qtaccess", "require\u2003user carol\u001dalice\n");
        assertEquals(List.of("carol", "alice"), access.read().getUsers());
    }

    @Test
    void qtaccessDirectivesAndLimits() {
        QtAccessFile f = QtAccessFile.parse("staff/qtaccess", STAFF_QTACCESS);
        assertTrue(f.problems().isEmpty(), f.problems().toString());
        assertEquals("Staff only", f.authName());
        assertEquals(AuthScheme.BASIC, f.scheme());
        assertEquals(List.of("staff"), f.read().getGroups());
        assertEquals(List.of("broadcasters"), f.write().getGroups());
        QtAccessFile any = QtAccessFile.parse("q", "require user x\nrequire any-user\n<Limit READ WRITE>\nrequire valid-user\n</Limit>\n");
        assertEquals(Audience.ANYONE, any.read().getAudience(), "any matching line grants");
        assertEquals(Audience.ANY_USER, any.write().getAudience());
        assertEquals(Audience.NOBODY, QtAccessFile.parse("q", "AuthName x\n").read().getAudience(), "no require: nobody");
        assertNull(QtAccessFile.parse("q", "require valid-user\n").scheme());
    }

    @Test
    void qtaccessErrorsCarryFileAndLine() {
        QtAccessFile bad = QtAccessFile.parse("a/qtaccess", "AuthScheme kerberos\nrequire\nrequire user\nAllow all\n"
                + "</Limit>\n<Limit DELETE>\n<Limit WRITE>\n");
        assertEquals(List.of("a/qtaccess:1: AuthScheme must be basic or digest, not 'kerberos'",
                        "a/qtaccess:2: require must be followed by user, group, valid-user or any-user",
                        "a/qtaccess:3: require user needs at least one name",
                        "a/qtaccess:4: unknown directive 'Allow'",
                        "a/qtaccess:5: </Limit> without <Limit>",
                        "a/qtaccess:6: <Limit> takes READ and/or WRITE, not 'DELETE'",
                        "a/qtaccess:7: <Limit> inside <Limit>",
                        "a/qtaccess:7: <Limit> is not closed"),
                bad.problems().stream().map(ParseProblem::toString).toList());
    }

    /** The rules and users the import would store give the decisions Darwin gave with the files. */
    @Test
    void importedFilesDecideAsDarwinDid() {
        QtUsersFile users = QtUsersFile.parse("qtusers", usersFile());
        QtGroupsFile groups = QtGroupsFile.parse("qtgroups", GROUPS);
        List<AccessRule> rules = List.of(rule("staff", QtAccessFile.parse("q", STAFF_QTACCESS), users.realm()),
                rule("staff/bob", QtAccessFile.parse("q", BOB_QTACCESS), users.realm()),
                rule("members", QtAccessFile.parse("q", MEMBERS_QTACCESS), users.realm()));
        Map<String, UserHashes> hashes = new HashMap<>();
        users.users().forEach(u -> hashes.put(u.name(), new UserHashes(u.name(), users.realm(), u.ha1Md5(), null)));
        Directory directory = new Directory() {
            @Override
            public UserHashes hashes(String user) {
                return hashes.get(user);
            }

            @Override
            public Set<String> groupsOf(String user) {
                Set<String> in = new HashSet<>();
                groups.groups().forEach((g, members) -> {
                    if (members.contains(user)) {
                        in.add(g);
                    }
                });
                return in;
            }

            @Override
            public boolean broadcasts(String user, String path) {
                return false;
            }
        };
        record Case(String path, AccessAction action, String user, String password, Outcome expected) {
        }
        for (Case c : List.of(
                new Case("staff/a.mp4", AccessAction.READ, "alice", "alicepw", Outcome.ALLOW),
                new Case("staff/a.mp4", AccessAction.READ, "carol", "carolpw", Outcome.ALLOW),
                new Case("staff/a.mp4", AccessAction.READ, "bob", "bobpw", Outcome.DENY),
                new Case("staff/a.mp4", AccessAction.READ, "alice", "bobpw", Outcome.CHALLENGE),
                new Case("staff/a.mp4", AccessAction.READ, null, null, Outcome.CHALLENGE),
                new Case("staff/a.mp4", AccessAction.WRITE, "bob", "bobpw", Outcome.ALLOW),
                new Case("staff/a.mp4", AccessAction.WRITE, "alice", "alicepw", Outcome.DENY),
                new Case("staff/bob/b.mp4", AccessAction.READ, "bob", "bobpw", Outcome.ALLOW),
                new Case("staff/bob/b.mp4", AccessAction.READ, "alice", "alicepw", Outcome.DENY),
                new Case("members/m.mp4", AccessAction.READ, "carol", "carolpw", Outcome.ALLOW),
                new Case("elsewhere.mp4", AccessAction.READ, null, null, Outcome.ALLOW))) {
            Credentials credentials = c.user() == null ? null : Credentials.basic(c.user(), c.password());
            Outcome outcome = AccessPolicy.decide(new AccessRequest("rtsp", c.action(), c.path(), "10.0.0.1", null,
                    credentials), rules, directory).outcome();
            assertEquals(c.expected(), outcome, c.toString());
        }
    }

    private static AccessRule rule(String folder, QtAccessFile file, String realm) {
        AccessRule rule = new AccessRule(folder, file.read(), file.write());
        rule.setRealm(realm);
        rule.setScheme(file.scheme());
        return rule;
    }
}
