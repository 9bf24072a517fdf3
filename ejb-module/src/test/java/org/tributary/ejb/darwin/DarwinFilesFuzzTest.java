package org.tributary.ejb.darwin;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/**
 * The Darwin files an administrator imports (uploaded in the console, or read from the media folder):
 * qtusers, qtgroups and qtaccess. These parsers never throw: a bad line becomes a {@link ParseProblem}
 * naming the file and line, so anything thrown is a bug. Each method is its own fuzzer (one per JVM).
 */
class DarwinFilesFuzzTest {

    @FuzzTest
    void qtusers(byte[] data) {
        QtUsersFile file = QtUsersFile.parse("qtusers", text(data));
        file.users().forEach(u -> assertTrue(u.ha1Md5() == null || u.ha1Md5().length() == 32));
        checkProblems(file.problems().stream().map(ParseProblem::line).toList(), data);
    }

    @FuzzTest
    void qtgroups(byte[] data) {
        QtGroupsFile file = QtGroupsFile.parse("qtgroups", text(data));
        file.groups().values().forEach(members -> members.forEach(m -> assertTrue(!m.isBlank())));
        checkProblems(file.problems().stream().map(ParseProblem::line).toList(), data);
    }

    @FuzzTest
    void qtaccess(byte[] data) {
        QtAccessFile file = QtAccessFile.parse("music/qtaccess", text(data));
        assertNotNull(file.read());
        checkProblems(file.problems().stream().map(ParseProblem::line).toList(), data);
    }

    /** The files are read as UTF-8; malformed sequences become U+FFFD as in an upload. */
    private static String text(byte[] data) {
        return new String(data, StandardCharsets.UTF_8);
    }

    private static void checkProblems(java.util.List<Integer> lines, byte[] data) {
        long lineCount = 1 + new String(data, StandardCharsets.ISO_8859_1).chars().filter(c -> c == '\n').count();
        lines.forEach(line -> assertTrue(line >= 1 && line <= lineCount, "problem on line " + line + " of " + lineCount));
    }
}
