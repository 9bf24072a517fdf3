package org.tributary.ejb.users;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class UserFieldsTest {

    @Test
    void namesAreDarwinsNames() {
        assertNull(UserFields.nameProblem("ann.o@site"));
        assertNull(UserFields.nameProblem("x".repeat(255)));
        assertEquals("1 to 255 characters, no ':' and no spaces.", UserFields.nameProblem("ann smith"));
        assertEquals("1 to 255 characters, no ':' and no spaces.", UserFields.nameProblem("a:b"));
        assertEquals("1 to 255 characters, no ':' and no spaces.", UserFields.nameProblem(""));
        assertEquals("1 to 255 characters, no ':' and no spaces.", UserFields.nameProblem("x".repeat(256)));
        assertEquals("1 to 255 characters, no ':' and no spaces.", UserFields.nameProblem(null));
    }

    @Test
    void aListOfNamesIsRefusedForOneBadName() {
        assertNull(UserFields.namesProblem(List.of("ann", "bob")));
        assertEquals("each name: 1 to 255 characters, no ':' and no spaces", UserFields.namesProblem(List.of("ann", "b b")));
    }

    @Test
    void realmsAndPasswords() {
        assertNull(UserFields.realmProblem(null));
        assertNull(UserFields.realmProblem("Streaming Server"));
        assertEquals("At most 255 characters, no '\"'.", UserFields.realmProblem("say \"hi\""));
        assertNull(UserFields.passwordProblem("p"));
        assertEquals("A password of 1 to 255 characters is needed.", UserFields.passwordProblem(""));
        assertEquals("A password of 1 to 255 characters is needed.", UserFields.passwordProblem("x".repeat(256)));
    }
}
