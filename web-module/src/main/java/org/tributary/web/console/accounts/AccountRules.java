package org.tributary.web.console.accounts;

import org.tributary.ejb.console.ConsoleAccountService;
import org.tributary.ejb.console.ConsoleRole;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the account pages accept, as plain checks (field id → message) so they can be tested without a
 * server. Names and password lengths are ConsoleAccountService's own rules; on top of them the pages
 * refuse to remove the last admin or an admin's own account or admin role, which would lock that admin out.
 */
public final class AccountRules {

    static final String NAME_RULE = "1 to 64 letters, digits, '.', '_', '-' or '@'.";
    static final String PASSWORD_RULE = "At least " + ConsoleAccountService.MIN_PASSWORD + " and at most 255 characters.";

    private AccountRules() {
    }

    /** Problems of a new account's fields; {@code exists} tells whether the name is taken. */
    public static Map<String, String> newAccount(String name, boolean exists, String role, String password, String again) {
        Map<String, String> problems = new LinkedHashMap<>();
        if (name == null || name.isBlank()) {
            problems.put("name", "A name is needed.");
        } else if (!ConsoleAccountService.NAME.matcher(name).matches()) {
            problems.put("name", NAME_RULE);
        } else if (exists) {
            problems.put("name", "There is a console account '" + name + "' already.");
        }
        if (role(role) == null) {
            problems.put("role", "Choose admin, operator or viewer.");
        }
        problems.putAll(newPassword("password", password, "passwordAgain", again, true));
        return problems;
    }

    /**
     * Problems of a new password and its repetition; with {@code required} false both may be left empty
     * (the password stays as it is).
     */
    public static Map<String, String> newPassword(String field, String password, String againField, String again,
                                                  boolean required) {
        Map<String, String> problems = new LinkedHashMap<>();
        boolean empty = password == null || password.isEmpty();
        if (empty && (again == null || again.isEmpty())) {
            if (required) {
                problems.put(field, "A password is needed. " + PASSWORD_RULE);
            }
        } else if (!ConsoleAccountService.acceptablePassword(password)) {
            problems.put(field, PASSWORD_RULE);
        } else if (!password.equals(again)) {
            problems.put(againField, "The two passwords differ.");
        }
        return problems;
    }

    /** Why a role change is refused (null: allowed). {@code admins} counts the admin accounts now. */
    public static String roleChange(String me, String target, ConsoleRole from, ConsoleRole to, long admins) {
        if (from != ConsoleRole.ADMIN || to == ConsoleRole.ADMIN) {
            return null;
        }
        if (target.equals(me)) {
            return "You cannot take the admin role from your own account: another admin has to.";
        }
        if (admins <= 1) {
            return "'" + target + "' is the last admin: make another account admin first.";
        }
        return null;
    }

    /** Why deleting an account is refused (null: allowed). */
    public static String deletion(String me, String target, ConsoleRole role, long admins) {
        if (target.equals(me)) {
            return "You cannot delete your own account: another admin has to.";
        }
        if (role == ConsoleRole.ADMIN && admins <= 1) {
            return "'" + target + "' is the last admin and cannot be deleted.";
        }
        return null;
    }

    /** The role of a select value, or null. */
    public static ConsoleRole role(String value) {
        try {
            return value == null ? null : ConsoleRole.parse(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
