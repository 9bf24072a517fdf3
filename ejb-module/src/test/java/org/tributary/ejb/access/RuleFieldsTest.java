package org.tributary.ejb.access;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class RuleFieldsTest {

    @Test
    void aPlainRuleHasNoProblems() {
        RuleSpec spec = new RuleSpec("private/films", "Films", null, Permission.listed(List.of("ann"), List.of()),
                null, List.of("10.0.0.0/8", "2001:db8::/32"), List.of(), "ok");
        assertEquals(Map.of(), RuleFields.problems(spec));
    }

    @Test
    void eachBadFieldIsNamedInTheFormsOrder() {
        RuleSpec spec = new RuleSpec("../etc", "a\"b", null, Permission.listed(List.of(), List.of()),
                new Permission(Audience.LISTED, List.of("b b"), List.of()), List.of("10.0.0.0/8", "not-a-block"),
                List.of("1.2.3.4"), "x".repeat(513));
        Map<String, String> problems = RuleFields.problems(spec);
        assertEquals(List.of("path", "realm", "read.users", "write.users", "allowFrom", "denyFrom", "note"),
                List.copyOf(problems.keySet()));
        assertEquals("a listed audience names at least one user or group", problems.get("read.users"));
        assertEquals("each name: 1 to 255 characters, no ':' and no spaces", problems.get("write.users"));
        assertEquals("'not-a-block' is not an address block like 10.0.0.0/8", problems.get("allowFrom"));
        assertEquals("'1.2.3.4' is not an address block like 10.0.0.0/8", problems.get("denyFrom"));
    }

    @Test
    void theFirstBadBlockOfAListIsNamedWithItsValue() {
        RuleSpec spec = new RuleSpec("", null, null, null, null, List.of("10.0.0.0/8", "b/x", "a/y", "z"), List.of(), null);
        assertEquals(Map.of("allowFrom", "'b/x' is not an address block like 10.0.0.0/8"), RuleFields.problems(spec));
    }

    @Test
    void pathsLongerThanAFolderNameMayHaveOrdinaryDots() {
        RuleSpec spec = new RuleSpec("a.b/c.d", null, null, null, null, List.of(), List.of(), null);
        assertEquals(Map.of(), RuleFields.problems(spec));
        RuleSpec back = new RuleSpec("a\\b", null, null, null, null, List.of(), List.of(), null);
        assertEquals(Map.of("path", "a folder under the media root, at most 1024 characters, no '..'"), RuleFields.problems(back));
        RuleSpec tooLong = new RuleSpec("x".repeat(1025), null, null, null, null, List.of(), List.of(), null);
        assertEquals(List.of("path"), List.copyOf(RuleFields.problems(tooLong).keySet()));
    }

    @Test
    void broadcastersNeedPathsUnderTheMediaRoot() {
        assertNull(RuleFields.broadcastPathsProblem(List.of("live/", "events")));
        assertEquals("At least one path prefix is needed (e.g. live/).", RuleFields.broadcastPathsProblem(List.of()));
        assertEquals("Paths under the media root: no '..', at most 1024 characters.",
                RuleFields.broadcastPathsProblem(List.of("live/", "../etc")));
        assertEquals("Paths under the media root: no '..', at most 1024 characters.",
                RuleFields.broadcastPathsProblem(List.of("x".repeat(1025))));
    }
}
