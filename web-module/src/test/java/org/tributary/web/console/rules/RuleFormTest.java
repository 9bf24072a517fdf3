package org.tributary.web.console.rules;

import org.junit.jupiter.api.Test;
import org.tributary.ejb.access.Audience;
import org.tributary.ejb.access.RuleSpec;
import org.tributary.web.console.FieldCheck;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The rule form is checked by the access service's field rules, which the API applies too. */
class RuleFormTest {

    @Test
    void aFilledFormBecomesTheRuleItSays() {
        RuleForm form = new RuleForm();
        form.setPath(" /private/films/ ");
        form.setReadAudience("listed");
        form.setReadUsers("ann, bob  carol");
        form.setReadGroups("staff");
        form.setAllowFrom("10.0.0.0/8,192.168.0.0/16");
        form.setScheme("digest");
        FieldCheck check = new FieldCheck("rule");
        RuleSpec spec = form.spec(check);
        assertTrue(check.ok(), check.problems().toString());
        assertEquals("private/films", spec.pathPrefix());
        assertEquals(Audience.LISTED, spec.read().getAudience());
        assertEquals(List.of("ann", "bob", "carol"), spec.read().getUsers());
        assertEquals(List.of("staff"), spec.read().getGroups());
        assertEquals(Audience.NOBODY, spec.write().getAudience());
        assertEquals(List.of("10.0.0.0/8", "192.168.0.0/16"), spec.allowFrom());
    }

    @Test
    void badFieldsComeBackUnderTheFormsFieldIds() {
        RuleForm form = new RuleForm();
        form.setPath("../etc");
        form.setReadAudience("listed");
        form.setAllowFrom("not-a-block");
        FieldCheck check = new FieldCheck("rule");
        form.spec(check);
        assertEquals(List.of("path", "read_users", "allowFrom"), List.copyOf(check.problems().keySet()));
        assertEquals("'not-a-block' is not an address block like 10.0.0.0/8", check.problems().get("allowFrom"));
    }

    @Test
    void aTamperedSelectIsRefusedAtItsField() {
        RuleForm form = new RuleForm();
        form.setWriteAudience("everybody");
        form.setScheme("ntlm");
        FieldCheck check = new FieldCheck("rule");
        RuleSpec spec = form.spec(check);
        assertEquals(List.of("scheme", "write_audience"), List.copyOf(check.problems().keySet()));
        assertEquals("anyone, any-user, listed or nobody", check.problems().get("write_audience"));
        assertNull(spec.scheme());
    }

    @Test
    void wordsSplitAtCommasAndSpaces() {
        assertEquals(List.of("a", "b", "c"), FieldCheck.words(" a,b\n c ,"));
        assertEquals(List.of(), FieldCheck.words("  "));
        assertEquals(List.of(), FieldCheck.words(null));
    }
}
