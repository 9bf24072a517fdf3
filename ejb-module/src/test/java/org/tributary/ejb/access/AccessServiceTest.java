package org.tributary.ejb.access;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AccessServiceTest {

    @Test
    void deeperFolderRuleOverridesTheOneAbove() {
        List<AccessRule> rules = List.of(new AccessRule("", true, null), new AccessRule("private", false, null),
                new AccessRule("private/public", true, null));
        assertTrue(AccessPolicy.mostSpecificRule(rules, "a.mp4").get().isAllowRead());
        assertFalse(AccessPolicy.mostSpecificRule(rules, "private/b.mp4").get().isAllowRead());
        assertTrue(AccessPolicy.mostSpecificRule(rules, "private/public/c.mp4").get().isAllowRead());
    }

    @Test
    void prefixMatchesWholeFolderNamesOnly() {
        AccessRule rule = new AccessRule("private", false, null);
        assertTrue(rule.covers("private"));
        assertTrue(rule.covers("private/x.mp4"));
        assertFalse(rule.covers("privateer.mp4"));
    }

    @Test
    void prefixesAreNormalized() {
        assertEquals("a/b", AccessService.normalizePrefix(" /a/b/ "));
        assertEquals("", AccessService.normalizePrefix(null));
    }
}
