package org.tributary.ejb.console;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/** Creates, changes, removes and authenticates console accounts. At least one admin always remains. */
@Stateless
public class ConsoleAccountService {

    private static final Logger LOG = Logger.getLogger(ConsoleAccountService.class.getName());

    /** Account names: 1 to 64 letters, digits, '.', '_', '-' or '@'. */
    public static final Pattern NAME = Pattern.compile("[A-Za-z0-9._@-]{1,64}");
    /** Shortest password accepted for a console account. */
    public static final int MIN_PASSWORD = 8;

    @PersistenceContext(unitName = "tributary")
    private EntityManager em;

    @EJB
    private LoginCache logins;

    @Resource
    private TransactionSynchronizationRegistry transactions;

    public List<ConsoleAccount> accounts() {
        return em.createNamedQuery(ConsoleAccount.ALL, ConsoleAccount.class).getResultList();
    }

    public Optional<ConsoleAccount> account(String name) {
        return em.createNamedQuery(ConsoleAccount.BY_NAME, ConsoleAccount.class).setParameter("name", name)
                .getResultStream().findFirst();
    }

    public long count(ConsoleRole role) {
        return em.createNamedQuery(ConsoleAccount.COUNT_ROLE, Long.class).setParameter("role", role).getSingleResult();
    }

    public ConsoleAccount create(String name, ConsoleRole role, String password) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("name: 1 to 64 letters, digits, '.', '_', '-' or '@'");
        }
        checkPassword(password);
        if (account(name).isPresent()) {
            throw new AccountConflictException("console account '" + name + "' exists");
        }
        ConsoleAccount account = new ConsoleAccount(name, role, PasswordHash.hash(password));
        em.persist(account);
        return account;
    }

    /** Changes the role and/or the password (null = keep); empty when there is no such account. */
    public Optional<ConsoleAccount> update(String name, ConsoleRole role, String password) {
        Optional<ConsoleAccount> found = account(name);
        forgetLogins(name);
        found.ifPresent(account -> {
            if (role != null && role != account.getRole()) {
                if (account.getRole() == ConsoleRole.ADMIN && count(ConsoleRole.ADMIN) <= 1) {
                    throw new AccountConflictException("'" + name + "' is the last admin and stays one");
                }
                account.setRole(role);
            }
            if (password != null) {
                checkPassword(password);
                account.setPasswordHash(PasswordHash.hash(password));
                discardInitialPassword(name);
            }
        });
        return found;
    }

    public boolean remove(String name) {
        Optional<ConsoleAccount> found = account(name);
        if (found.isPresent()) {
            if (found.get().getRole() == ConsoleRole.ADMIN && count(ConsoleRole.ADMIN) <= 1) {
                throw new AccountConflictException("'" + name + "' is the last admin and cannot be removed");
            }
            em.remove(found.get());
        }
        forgetLogins(name);
        return found.isPresent();
    }

    /**
     * Changes an account's own password after checking its current one (the "My account" page): false,
     * and nothing changed, when the current password is wrong or there is no such account.
     */
    public boolean changeOwnPassword(String name, String currentPassword, String newPassword) {
        Optional<ConsoleAccount> found = account(name);
        if (found.isEmpty() || currentPassword == null
                || !PasswordHash.verify(currentPassword, found.get().getPasswordHash())) {
            return false;
        }
        checkPassword(newPassword);
        found.get().setPasswordHash(PasswordHash.hash(newPassword));
        forgetLogins(name);
        discardInitialPassword(name);
        return true;
    }

    /** The account's role and password stamp now (read on each request of a console session). */
    public Optional<LoginState> loginState(String name) {
        return account(name).map(a -> new LoginState(a.getRole(), stamp(a.getPasswordHash())));
    }

    /** The first 16 hex digits of SHA-256 over the stored hash: equal while the password stays. */
    static String stamp(String passwordHash) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(passwordHash.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Drops the remembered logins of an account now and again when the transaction ends: a login checked
     * in between still saw the old hash and may have put the old password back into the cache.
     */
    private void forgetLogins(String name) {
        logins.forget(name);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                logins.forget(name);
            }
        });
    }

    /**
     * The account's role when the password matches its stored hash; empty otherwise. An unknown name costs
     * the same PBKDF2 work as a known one (checked against a dummy hash), so the time of a refusal does not
     * tell which names exist.
     */
    public Optional<ConsoleRole> authenticate(String name, String password) {
        if (name == null || password == null) {
            return Optional.empty();
        }
        ConsoleRole cached = logins.lookup(name, password);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<ConsoleAccount> account = account(name);
        String storedHash = account.map(ConsoleAccount::getPasswordHash).orElseGet(DummyHash::value);
        if (!PasswordHash.verify(password, storedHash) || account.isEmpty()) {
            return Optional.empty();
        }
        ConsoleRole role = account.get().getRole();
        logins.remember(name, password, role);
        discardInitialPassword(name);
        return Optional.of(role);
    }

    /** Once the first-run admin has logged in or has a new password, its generated password file goes. */
    private static void discardInitialPassword(String name) {
        if (name.equals(FirstAdmin.name()) && InitialAdminPassword.discard()) {
            LOG.info("deleted " + InitialAdminPassword.location() + ": the first-run admin '" + name
                    + "' has logged in or has a new password");
        }
    }

    /** Whether a password has an acceptable length ({@link #MIN_PASSWORD} to 255 characters). */
    public static boolean acceptablePassword(String password) {
        return password != null && password.length() >= MIN_PASSWORD && password.length() <= 255;
    }

    static void checkPassword(String password) {
        if (!acceptablePassword(password)) {
            throw new IllegalArgumentException("password: " + MIN_PASSWORD + " to 255 characters");
        }
    }
}
