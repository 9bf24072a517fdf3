package org.tributary.ejb.ldap;

import javax.naming.AuthenticationException;
import javax.naming.Context;
import javax.naming.NamingEnumeration;
import javax.naming.NamingException;
import javax.naming.SizeLimitExceededException;
import javax.naming.directory.Attribute;
import javax.naming.directory.DirContext;
import javax.naming.directory.InitialDirContext;
import javax.naming.directory.SearchControls;
import javax.naming.directory.SearchResult;
import java.util.HashSet;
import java.util.Hashtable;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Checks a name and password against the directory: the service account finds the user's entry, a bind
 * as that entry checks the password, and the service account then reads the user's groups. Every
 * connection has the configured connect and read timeout, so a dead directory costs a login at most a few
 * of them. A blocking call: never on a selector thread.
 */
public final class LdapDirectory {

    private static final int MAX_GROUPS = 1000;

    private final LdapConfig config;

    public LdapDirectory(LdapConfig config) {
        this.config = config;
    }

    /**
     * The user when the name exists once under the user base and the password binds; empty otherwise (an
     * empty password is refused before asking: LDAP takes it as an anonymous bind, which would succeed).
     *
     * @throws DirectoryUnavailableException when the directory cannot be reached or the search fails
     */
    public Optional<LdapUser> authenticate(String name, String password) throws DirectoryUnavailableException {
        if (name == null || name.isEmpty() || password == null || password.isEmpty()) {
            return Optional.empty();
        }
        DirContext service = connect(config.bindDn(), config.bindPassword(), "the service account");
        try {
            Optional<String> dn = findUser(service, name);
            if (dn.isEmpty() || !passwordBinds(dn.get(), password)) {
                return Optional.empty();
            }
            return Optional.of(new LdapUser(name, dn.get(), groupsOf(service, name, dn.get())));
        } catch (NamingException e) {
            throw new DirectoryUnavailableException("LDAP search at " + config.url() + " failed: " + e, e);
        } finally {
            close(service);
        }
    }

    private Optional<String> findUser(DirContext service, String name) throws NamingException {
        SearchControls controls = controls(new String[0], 2);
        String filter = LdapFilter.format(config.userFilter(), List.of(name));
        NamingEnumeration<SearchResult> results = service.search(config.userBase(), filter, controls);
        try {
            if (!results.hasMore()) {
                return Optional.empty();
            }
            String dn = results.next().getNameInNamespace();
            return results.hasMore() ? Optional.empty() : Optional.of(dn);
        } catch (SizeLimitExceededException e) {
            return Optional.empty(); // the name is ambiguous: more than one entry
        } finally {
            results.close();
        }
    }

    private boolean passwordBinds(String dn, String password) throws DirectoryUnavailableException {
        try {
            close(open(dn, password));
            return true;
        } catch (AuthenticationException e) {
            return false;
        } catch (NamingException e) {
            throw unavailable("the user's bind", e);
        }
    }

    private Set<String> groupsOf(DirContext service, String name, String dn) throws NamingException {
        if (config.groupBase().isEmpty()) {
            return Set.of();
        }
        String attribute = config.groupAttribute();
        SearchControls controls = controls(new String[] {attribute}, MAX_GROUPS);
        String filter = LdapFilter.format(config.groupFilter(), List.of(name, dn));
        Set<String> groups = new HashSet<>();
        NamingEnumeration<SearchResult> results = service.search(config.groupBase(), filter, controls);
        try {
            while (results.hasMore()) {
                Attribute names = results.next().getAttributes().get(attribute);
                if (names != null) {
                    for (int i = 0; i < names.size(); i++) {
                        groups.add(String.valueOf(names.get(i)));
                    }
                }
            }
        } finally {
            results.close();
        }
        return groups;
    }

    private DirContext connect(String dn, String password, String who) throws DirectoryUnavailableException {
        try {
            return open(dn, password);
        } catch (NamingException e) {
            throw unavailable(who, e);
        }
    }

    private DirContext open(String dn, String password) throws NamingException {
        Hashtable<String, String> env = new Hashtable<>();
        env.put(Context.INITIAL_CONTEXT_FACTORY, "com.sun.jndi.ldap.LdapCtxFactory");
        env.put(Context.PROVIDER_URL, config.url());
        env.put("com.sun.jndi.ldap.connect.timeout", Integer.toString(config.timeoutMillis()));
        env.put("com.sun.jndi.ldap.read.timeout", Integer.toString(config.timeoutMillis()));
        env.put(Context.REFERRAL, "ignore");
        if (dn.isEmpty()) {
            env.put(Context.SECURITY_AUTHENTICATION, "none");
        } else {
            env.put(Context.SECURITY_AUTHENTICATION, "simple");
            env.put(Context.SECURITY_PRINCIPAL, dn);
            env.put(Context.SECURITY_CREDENTIALS, password);
        }
        return new InitialDirContext(env);
    }

    private SearchControls controls(String[] attributes, int limit) {
        SearchControls controls = new SearchControls();
        controls.setSearchScope(SearchControls.SUBTREE_SCOPE);
        controls.setReturningAttributes(attributes);
        controls.setCountLimit(limit);
        controls.setTimeLimit(config.timeoutMillis());
        return controls;
    }

    private DirectoryUnavailableException unavailable(String who, NamingException e) {
        return new DirectoryUnavailableException("LDAP at " + config.url() + " refused or did not answer "
                + who + " within " + config.timeoutMillis() + " ms: " + e, e);
    }

    private static void close(DirContext context) {
        try {
            context.close();
        } catch (NamingException e) {
            // nothing left to release
        }
    }
}
