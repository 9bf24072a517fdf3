package org.tributary.ejb.console;

import java.util.Locale;
import java.util.Set;

/**
 * What a console account may do. Each role includes the ones below it: a viewer reads, an operator also
 * ends sessions, an admin does everything (users, rules, accounts, imports).
 */
public enum ConsoleRole {
    VIEWER,
    OPERATOR,
    ADMIN;

    /** The role name used by the web module's security ("admin", "operator", "viewer"). */
    public String roleName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The role names a holder of this role has: its own and every lower one. */
    public Set<String> grantedRoleNames() {
        return switch (this) {
            case VIEWER -> Set.of("viewer");
            case OPERATOR -> Set.of("viewer", "operator");
            case ADMIN -> Set.of("viewer", "operator", "admin");
        };
    }

    /** Parses "admin", "operator" or "viewer" (any case); anything else fails with the allowed names. */
    public static ConsoleRole parse(String text) {
        for (ConsoleRole role : values()) {
            if (role.roleName().equalsIgnoreCase(text == null ? "" : text.trim())) {
                return role;
            }
        }
        throw new IllegalArgumentException("role must be admin, operator or viewer, not '" + text + "'");
    }
}
