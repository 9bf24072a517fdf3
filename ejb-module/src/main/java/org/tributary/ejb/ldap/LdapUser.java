package org.tributary.ejb.ldap;

import java.util.Set;

/** A user the directory accepted: the login name, the entry's DN and the groups it is in (their names). */
public record LdapUser(String name, String dn, Set<String> groups) {

    public LdapUser {
        groups = Set.copyOf(groups);
    }
}
