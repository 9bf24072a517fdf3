package org.tributary.ejb.ldap;

import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * Where the directory is and how users and groups are found, from the {@code tributary.ldap.*} system
 * properties (set with the WildFly CLI, read at each login, so a change needs no restart). LDAP is off while
 * {@code tributary.ldap.url} is unset or blank.
 *
 * <p>In the filters {@code {0}} is the login name and {@code {1}} the user's DN, both escaped (RFC 4515).
 *
 * @param url            ldap:// or ldaps:// URL of the directory
 * @param bindDn         the service account that searches; blank for an anonymous search
 * @param bindPassword   its password
 * @param userBase       where users are searched (subtree)
 * @param userFilter     finds the one entry of a login name
 * @param groupBase      where groups are searched (subtree); blank for no groups
 * @param groupFilter    finds the groups of a user
 * @param groupAttribute the group attribute that names it in rules and the role mapping
 * @param adminGroup     the group whose members are console admins; blank for none
 * @param operatorGroup  the group whose members are console operators; blank for none
 * @param viewerGroup    the group whose members are console viewers; blank for none
 * @param timeoutMillis  the connect and read timeout of each directory operation
 */
public record LdapConfig(String url, String bindDn, String bindPassword, String userBase, String userFilter,
                         String groupBase, String groupFilter, String groupAttribute,
                         String adminGroup, String operatorGroup, String viewerGroup, int timeoutMillis) {

    public static final String PREFIX = "tributary.ldap.";
    static final int DEFAULT_TIMEOUT_MILLIS = 1000;
    static final int MAX_TIMEOUT_MILLIS = 60_000;

    /**
     * The configuration in these properties; empty when LDAP is off.
     *
     * @throws IllegalArgumentException naming the property when the timeout is not a number from 1 to 60000
     */
    public static Optional<LdapConfig> from(Properties properties) {
        String url = value(properties, "url", "");
        if (url.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new LdapConfig(url,
                value(properties, "bind-dn", ""),
                properties.getProperty(PREFIX + "bind-password", ""),
                value(properties, "user-base", ""),
                value(properties, "user-filter", "(uid={0})"),
                value(properties, "group-base", ""),
                value(properties, "group-filter", "(member={1})"),
                value(properties, "group-attribute", "cn"),
                value(properties, "admin-group", ""),
                value(properties, "operator-group", ""),
                value(properties, "viewer-group", ""),
                timeout(value(properties, "timeout-millis", Integer.toString(DEFAULT_TIMEOUT_MILLIS)))));
    }

    /** The console role ("admin", "operator" or "viewer") the highest mapped group grants; empty for none. */
    public Optional<String> consoleRole(Set<String> groups) {
        if (in(groups, adminGroup)) {
            return Optional.of("admin");
        }
        if (in(groups, operatorGroup)) {
            return Optional.of("operator");
        }
        return in(groups, viewerGroup) ? Optional.of("viewer") : Optional.empty();
    }

    private static boolean in(Set<String> groups, String group) {
        return !group.isEmpty() && groups.stream().anyMatch(group::equalsIgnoreCase);
    }

    private static String value(Properties properties, String name, String fallback) {
        String value = properties.getProperty(PREFIX + name);
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    private static int timeout(String text) {
        try {
            int millis = Integer.parseInt(text);
            if (millis >= 1 && millis <= MAX_TIMEOUT_MILLIS) {
                return millis;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(PREFIX + "timeout-millis must be a number of milliseconds from 1 to "
                + MAX_TIMEOUT_MILLIS + ", not '" + text + "'");
    }
}
