package org.tributary.web.security;

import jakarta.servlet.http.HttpSession;

import java.io.Serializable;
import java.util.Set;

/**
 * Who logged in through the login form, kept in the HTTP session: the mechanism reports it to the
 * container on each later request of that session, so a password is checked once per login.
 *
 * @param name  the console account
 * @param roles the roles it was granted at login (its role and those below it)
 */
public record ConsoleLogin(String name, Set<String> roles) implements Serializable {

    static final String ATTRIBUTE = ConsoleLogin.class.getName();

    public ConsoleLogin {
        roles = Set.copyOf(roles);
    }

    /** The login of a session, or null (no session, or nobody logged in through it). */
    public static ConsoleLogin of(HttpSession session) {
        return session != null && session.getAttribute(ATTRIBUTE) instanceof ConsoleLogin login ? login : null;
    }

    /** Stores the login in the session. */
    public void storeIn(HttpSession session) {
        session.setAttribute(ATTRIBUTE, this);
    }
}
