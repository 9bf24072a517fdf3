package org.tributary.ejb.ldap;

import java.util.List;

/** Search filters with values put in safely: a login name cannot add clauses to the filter (RFC 4515). */
public final class LdapFilter {

    private LdapFilter() {
    }

    /** The template with {0}, {1}, ... replaced by the escaped values. */
    public static String format(String template, List<String> values) {
        String out = template;
        for (int i = 0; i < values.size(); i++) {
            out = out.replace("{" + i + "}", escape(values.get(i)));
        }
        return out;
    }

    /** A value as a filter's assertion value: *, (, ), \ and NUL as \XX. */
    public static String escape(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (char c : value.toCharArray()) {
            switch (c) {
                case '*' -> out.append("\\2a");
                case '(' -> out.append("\\28");
                case ')' -> out.append("\\29");
                case '\\' -> out.append("\\5c");
                case '\0' -> out.append("\\00");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
