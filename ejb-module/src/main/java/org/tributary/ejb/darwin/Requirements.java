package org.tributary.ejb.darwin;

import org.tributary.ejb.access.Audience;
import org.tributary.ejb.access.Permission;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code require} lines of one action in a qtaccess file. Darwin grants when any line matches, so
 * {@code any-user} beats {@code valid-user}, which beats named users and groups; no line admits nobody.
 */
final class Requirements {

    private boolean anyUser;
    private boolean validUser;
    private final List<String> users = new ArrayList<>();
    private final List<String> groups = new ArrayList<>();

    void anyUser() {
        anyUser = true;
    }

    void validUser() {
        validUser = true;
    }

    void users(List<String> names) {
        names.stream().filter(n -> !users.contains(n)).forEach(users::add);
    }

    void groups(List<String> names) {
        names.stream().filter(n -> !groups.contains(n)).forEach(groups::add);
    }

    Permission toPermission() {
        if (anyUser) {
            return Permission.of(Audience.ANYONE);
        }
        if (validUser) {
            return Permission.of(Audience.ANY_USER);
        }
        if (users.isEmpty() && groups.isEmpty()) {
            return Permission.of(Audience.NOBODY);
        }
        return Permission.listed(users, groups);
    }
}
