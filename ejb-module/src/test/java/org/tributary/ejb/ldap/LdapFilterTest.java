package org.tributary.ejb.ldap;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LdapFilterTest {

    @Test
    void specialCharactersAreEscaped() {
        assertEquals("a\\2a\\28b\\29\\5c\\00", LdapFilter.escape("a*(b)\\\0"));
    }

    @Test
    void placeholdersTakeEscapedValues() {
        assertEquals("(&(uid=x\\29\\28uid=\\2a)(member=cn=a,dc=b))",
                LdapFilter.format("(&(uid={0})(member={1}))", List.of("x)(uid=*", "cn=a,dc=b")));
    }
}
