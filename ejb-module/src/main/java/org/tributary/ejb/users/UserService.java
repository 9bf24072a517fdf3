package org.tributary.ejb.users;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.tributary.rtsp.header.DigestAlgorithm;
import org.tributary.api.access.DigestMath;
import org.tributary.api.access.UserHashes;
import org.tributary.ejb.adapter.AdapterClient;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Creates, changes and removes users and groups; every change clears the adapter's access cache. */
@Stateless
public class UserService {

    /** Darwin's default realm, used when a user or rule names none. */
    public static final String DEFAULT_REALM = "Streaming Server";

    @PersistenceContext(unitName = "tributary")
    private EntityManager em;

    @EJB
    private AdapterClient adapter;

    public List<User> users() {
        return em.createNamedQuery(User.ALL, User.class).getResultList();
    }

    public Optional<User> user(String name) {
        return em.createNamedQuery(User.BY_NAME, User.class).setParameter("name", name).getResultStream().findFirst();
    }

    /** The stored hashes of a user, or null when there is no such user. */
    public UserHashes hashes(String name) {
        return user(name).map(User::hashes).orElse(null);
    }

    /** Creates the user or sets a new password; the password itself is hashed and forgotten. */
    public User putUser(String name, String realm, String password) {
        validName("user", name);
        if (password == null || password.isEmpty() || password.length() > 255) {
            throw new IllegalArgumentException("a password of 1 to 255 characters is needed");
        }
        String r = realm == null || realm.isBlank() ? DEFAULT_REALM : realm.trim();
        User user = user(name).orElseGet(() -> persist(new User(name, r)));
        user.setHashes(r, DigestMath.ha1(DigestAlgorithm.MD5, name, r, password),
                DigestMath.ha1(DigestAlgorithm.SHA_256, name, r, password), null);
        adapter.invalidateAccessCacheQuietly();
        return user;
    }

    /** Stores hashes as imported from a Darwin qtusers file (only MD5 is known there). */
    public User putImportedUser(String name, String realm, String ha1Md5, String darwinCrypt) {
        User user = user(name).orElseGet(() -> persist(new User(name, realm)));
        boolean same = realm.equals(user.getRealm()) && ha1Md5.equals(user.getHa1Md5());
        user.setHashes(realm, ha1Md5, same ? user.getHa1Sha256() : null, darwinCrypt);
        return user;
    }

    /**
     * Adds the SHA-256 HA1 to a user who has only the MD5 one (imported from qtusers), once a Basic login
     * has revealed the password: Digest with SHA-256 then works for that user too. Runs in its own
     * transaction so a failure to store it never costs the login that triggered it.
     *
     * @param verified the hashes the password was just verified against
     * @return the user's hashes now, or null when the user changed meanwhile or the password is not theirs
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public UserHashes completeHashes(UserHashes verified, String password) {
        User user = user(verified.user()).orElse(null);
        if (user == null || user.getHa1Md5() == null || !user.getRealm().equals(verified.realm())) {
            return null;
        }
        // Checked again against the stored row: only the password behind the stored MD5 HA1 may add a hash.
        String md5 = DigestMath.ha1(DigestAlgorithm.MD5, user.getName(), user.getRealm(), password);
        if (!md5.equals(user.getHa1Md5())) {
            return null;
        }
        if (user.getHa1Sha256() == null) {
            user.setHashes(user.getRealm(), user.getHa1Md5(),
                    DigestMath.ha1(DigestAlgorithm.SHA_256, user.getName(), user.getRealm(), password),
                    user.getDarwinCrypt());
        }
        return user.hashes();
    }

    public boolean removeUser(String name) {
        Optional<User> user = user(name);
        user.ifPresent(em::remove);
        for (UserGroup g : groups()) {
            if (g.getMembers().contains(name)) {
                List<String> members = new ArrayList<>(g.getMembers());
                members.remove(name);
                g.setMembers(members);
            }
        }
        adapter.invalidateAccessCacheQuietly();
        return user.isPresent();
    }

    public List<UserGroup> groups() {
        return em.createNamedQuery(UserGroup.ALL, UserGroup.class).getResultList();
    }

    public Optional<UserGroup> group(String name) {
        return groups().stream().filter(g -> g.getName().equals(name)).findFirst();
    }

    /** Creates the group or replaces its members. */
    public UserGroup putGroup(String name, List<String> members) {
        validName("group", name);
        members.forEach(m -> validName("member", m));
        UserGroup group = group(name).orElseGet(() -> persist(new UserGroup(name, List.of())));
        group.setMembers(new ArrayList<>(new LinkedHashSet<>(members)));
        adapter.invalidateAccessCacheQuietly();
        return group;
    }

    /** Adds members to a group (creating it), keeping the members it has. */
    public UserGroup addToGroup(String name, List<String> members) {
        Set<String> all = new LinkedHashSet<>(group(name).map(UserGroup::getMembers).orElse(List.of()));
        all.addAll(members);
        return putGroup(name, new ArrayList<>(all));
    }

    public boolean removeGroup(String name) {
        Optional<UserGroup> group = group(name);
        group.ifPresent(em::remove);
        adapter.invalidateAccessCacheQuietly();
        return group.isPresent();
    }

    /** The groups a user is in. */
    public Set<String> groupsOf(String user) {
        Set<String> names = new LinkedHashSet<>();
        for (UserGroup g : groups()) {
            if (g.getMembers().contains(user)) {
                names.add(g.getName());
            }
        }
        return names;
    }

    /** Names are 1 to 255 characters without ':' or white space (they appear in qt* files and headers). */
    static void validName(String what, String name) {
        if (name == null || name.isEmpty() || name.length() > 255 || name.indexOf(':') >= 0
                || name.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("invalid " + what + " name '" + name
                    + "': 1 to 255 characters, no ':' and no spaces");
        }
    }

    private <T> T persist(T entity) {
        em.persist(entity);
        return entity;
    }
}
