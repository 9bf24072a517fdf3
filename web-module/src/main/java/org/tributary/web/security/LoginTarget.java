package org.tributary.web.security;

/**
 * Where the login form sends the browser afterwards: the page that asked for the login, as a path inside
 * the console only (an absolute or protocol-relative URL would make the form an open redirect).
 */
public final class LoginTarget {

    /** The page after a login without a (usable) target. */
    public static final String HOME = "/index.xhtml";

    private LoginTarget() {
    }

    /** {@code next} when it is a console page path ("/sessions.xhtml?x=1"), otherwise {@link #HOME}. */
    public static String safe(String next) {
        if (next == null || next.isBlank() || !next.startsWith("/") || next.startsWith("//")
                || next.contains("\\") || next.contains("://") || next.startsWith("/api/")
                || next.chars().anyMatch(c -> c < 0x20)) {
            return HOME;
        }
        return next;
    }
}
