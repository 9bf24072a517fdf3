package org.tributary.ejb.users;

import org.tributary.ejb.fields.FieldMessages;

import java.util.regex.Pattern;

/**
 * The field rules of streaming users and groups, as Darwin's files allow them; each check returns the
 * message to show, or null when the value is acceptable.
 */
public final class UserFields {

    /** Names of streaming users and groups: no ':' and no white space, at most 255 characters. */
    public static final Pattern NAME = Pattern.compile("[^:\\s]{1,255}");

    private UserFields() {
    }

    public static String nameProblem(String name) {
        return name != null && NAME.matcher(name).matches() ? null : FieldMessages.text("streaming.name");
    }

    /** A list of user or group names: every one must be a name. */
    public static String namesProblem(Iterable<String> names) {
        for (String name : names) {
            if (nameProblem(name) != null) {
                return FieldMessages.text("streaming.names");
            }
        }
        return null;
    }

    /** A challenge realm; null means the default realm. */
    public static String realmProblem(String realm) {
        return realm != null && (realm.length() > 255 || realm.contains("\"")) ? FieldMessages.text("streaming.realm") : null;
    }

    public static String passwordProblem(String password) {
        return password == null || password.isEmpty() || password.length() > 255
                ? FieldMessages.text("streaming.password") : null;
    }
}
