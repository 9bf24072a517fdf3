package org.tributary.ejb.console;

import org.tributary.ejb.fields.FieldMessages;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the account pages and {@code /api/console-accounts} accept, as plain checks (field id → message) so
 * they can be tested without a server. Names and password lengths are ConsoleAccountService's own rules; on
 * top of them an admin may not remove the last admin or its own account or admin role, which would lock that
 * admin out.
 */
public final class AccountRules {

    static final String NAME_RULE = FieldMessages.text("account.name");
    static final String PASSWORD_RULE = FieldMessages.text("account.password", ConsoleAccountService.MIN_PASSWORD);

    private AccountRules() {
    }

    /** Problems of a new account's fields; {@code exists} tells whether the name is taken. */
    public static Map<String, String> newAccount(String name, boolean exists, String role, String password, String again) {
        Map<String, String> problems = new LinkedHashMap<>();
        if (name == null || name.isBlank()) {
            problems.put("name", FieldMessages.text("account.name.needed"));
        } else if (nameProblem(name) != null) {
            problems.put("name", NAME_RULE);
        } else if (exists) {
            problems.put("name", FieldMessages.text("account.name.taken", name));
        }
        if (role(role) == null) {
            problems.put("role", roleProblem());
        }
        problems.putAll(newPassword("password", password, "passwordAgain", again, true));
        return problems;
    }

    /** The message for a bad account name, or null when the name is acceptable. */
    public static String nameProblem(String name) {
        return name != null && ConsoleAccountService.NAME.matcher(name).matches() ? null : NAME_RULE;
    }

    /** The message for a password of a bad length, or null when it is acceptable. */
    public static String passwordProblem(String password) {
        return ConsoleAccountService.acceptablePassword(password) ? null : PASSWORD_RULE;
    }

    /** The message for a role that is not one of the three. */
    public static String roleProblem() {
        return FieldMessages.text("account.role");
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
                problems.put(field, FieldMessages.text("account.password.needed", ConsoleAccountService.MIN_PASSWORD));
            }
        } else if (passwordProblem(password) != null) {
            problems.put(field, PASSWORD_RULE);
        } else if (!password.equals(again)) {
            problems.put(againField, FieldMessages.text("passwords.differ"));
        }
        return problems;
    }

    /** Why a role change is refused (null: allowed). {@code admins} counts the admin accounts now. */
    public static String roleChange(String me, String target, ConsoleRole from, ConsoleRole to, long admins) {
        if (from != ConsoleRole.ADMIN || to == ConsoleRole.ADMIN) {
            return null;
        }
        if (target.equals(me)) {
            return FieldMessages.text("account.demote.own");
        }
        if (admins <= 1) {
            return FieldMessages.text("account.demote.last", target);
        }
        return null;
    }

    /** Why deleting an account is refused (null: allowed). */
    public static String deletion(String me, String target, ConsoleRole role, long admins) {
        if (target.equals(me)) {
            return FieldMessages.text("account.delete.own");
        }
        if (role == ConsoleRole.ADMIN && admins <= 1) {
            return FieldMessages.text("account.delete.last", target);
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
