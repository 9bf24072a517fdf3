package org.tributary.ejb.access;

import org.junit.jupiter.api.Test;
import org.tributary.api.access.AccessAction;
import org.tributary.api.access.AccessDecision.Outcome;
import org.tributary.api.access.AccessRequest;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Defence in depth: the EJB side matches rules on the canonical spelling of a path, on segment boundaries. */
class AccessPolicyCanonicalPathTest {

    private final Directory directory = AccessPolicyTest.directory(Map.of(), Map.of(), "nobody");
    private final List<AccessRule> rules = List.of(
            new AccessRule("movies/private", Permission.of(Audience.ANY_USER), Permission.of(Audience.NOBODY)));

    private Outcome read(String path) {
        return AccessPolicy.decide(new AccessRequest("rtsp", AccessAction.READ, path, "127.0.0.1", null), rules, directory)
                .outcome();
    }

    @Test
    void everySpellingOfAProtectedPathIsChallenged() {
        for (String spelling : List.of("movies/private/a.mp4", "movies//private/a.mp4", "movies/./private/a.mp4",
                "movies/x/../private/a.mp4", "/movies/private/a.mp4/", "movies/private", "movies/private/",
                "movies/private/deep/er/b.mp4")) {
            assertEquals(Outcome.CHALLENGE, read(spelling), spelling);
        }
    }

    @Test
    void rulesCoverTheirFolderOnSegmentBoundariesOnly() {
        assertEquals(Outcome.ALLOW, read("movies/private2/a.mp4"));
        assertEquals(Outcome.ALLOW, read("movies/privat"));
        assertEquals(Outcome.ALLOW, read("movies/private.mp4"));
        assertEquals(Outcome.ALLOW, read("movies"));
        assertTrue(AccessRule.prefixCovers("a/b", "a/b/c"));
        assertFalse(AccessRule.prefixCovers("a/b", "a/bc"));
        assertTrue(AccessRule.prefixCovers("", "anything"));
    }

    @Test
    void aPathWithoutACanonicalSpellingIsRefused() {
        for (String bad : List.of("../movies/private/a.mp4", "movies/../../x", "movies/private/a\0.mp4",
                "movies/%2e%2e/private/a.mp4", "movies\\private\\a.mp4")) {
            assertEquals(Outcome.DENY, read(bad), bad);
        }
    }

    @Test
    void rulePrefixesAreStoredAndComparedCanonically() {
        assertEquals("movies/private", AccessService.normalizePrefix(" /movies//private/./ "));
        assertEquals("", AccessService.normalizePrefix(null));
        assertEquals("", AccessService.normalizePrefix("/"));
        assertThrows(IllegalArgumentException.class, () -> AccessService.normalizePrefix("../elsewhere"));
        assertTrue(AccessRule.prefixCovers("movies//private/", "movies/private/a.mp4"), "a rule stored before normalization");
    }
}
