package org.tributary.web.security;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LoginTargetTest {

    @Test
    void consolePagesAreKept() {
        assertEquals("/sessions.xhtml", LoginTarget.safe("/sessions.xhtml"));
        assertEquals("/logs.xhtml?path=a.mp4&status=200", LoginTarget.safe("/logs.xhtml?path=a.mp4&status=200"));
        assertEquals("/", LoginTarget.safe("/"));
    }

    @Test
    void anythingThatCouldLeaveTheConsoleGoesHome() {
        for (String bad : new String[] {null, "", "  ", "//evil.example/", "http://evil.example/", "evil.xhtml",
                "/\\evil.example", "/x?u=http://evil", "/api/users", "/a\r\nSet-Cookie: x=1"}) {
            assertEquals(LoginTarget.HOME, LoginTarget.safe(bad), String.valueOf(bad));
        }
    }
}
