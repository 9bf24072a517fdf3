package org.tributary.web.security;

import jakarta.servlet.http.HttpSession;

import java.io.Serializable;
import java.util.Set;

/**
 * Who logged in through the login form, kept in the HTTP session: the mechanism reports it to the
 * container on each later request of that session, so a password is checked once per login.
 *
 * @param name          the console account
 * @param roles         its roles (its role and those below it), refreshed when an admin changes the role
 * @param passwordStamp the account's password stamp at login: a different one (password reset) ends the login
 */
public record ConsoleLogin(String name, Set<String> roles, String passwordStamp) implements Serializable {

    static final String ATTRIBUTE = ConsoleLogin.class.getName();

    public ConsoleLogin {
        roles = Set.copyOf(roles);
    }

    /** The login of a session, or null (no session, or nobody logged in through it). */
    public static ConsoleLogin of(HttpSession session) {
        return session != null && session.getAttribute(ATTRIBUTE) instanceof ConsoleLogin login ? login : null;
    }

    /**
     * After the account changed its own password: the session's login takes the new stamp, so this
     * session stays logged in while the account's other sessions end.
     */
    public static void restamp(HttpSession session, String passwordStamp) {
        ConsoleLogin login = of(session);
        if (login != null) {
            new ConsoleLogin(login.name(), login.roles(), passwordStamp).storeIn(session);
        }
    }

    /** Stores the login in the session. */
    public void storeIn(HttpSession session) {
        session.setAttribute(ATTRIBUTE, this);
    }
}
