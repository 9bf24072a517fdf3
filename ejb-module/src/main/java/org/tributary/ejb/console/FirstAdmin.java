package org.tributary.ejb.console;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.logging.Logger;

/**
 * On the first start (no admin account in the database) creates the admin account
 * ({@code tributary.admin.user}, default "admin"). Its password is {@code tributary.admin.password} when
 * that is set, else a random one written to {@link InitialAdminPassword#location()} (mode 0600), whose
 * place, never the password, is logged. There is no fixed default.
 */
@Singleton
@Startup
public class FirstAdmin {

    static final String USER_PROPERTY = "tributary.admin.user";
    static final String PASSWORD_PROPERTY = "tributary.admin.password";
    private static final Logger LOG = Logger.getLogger(FirstAdmin.class.getName());
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    @EJB
    private ConsoleAccountService accounts;

    @PostConstruct
    void createWhenMissing() {
        if (accounts.count(ConsoleRole.ADMIN) > 0) {
            return;
        }
        String name = name();
        String configured = System.getProperty(PASSWORD_PROPERTY);
        if (configured != null && !configured.isEmpty()) {
            accounts.create(name, ConsoleRole.ADMIN, configured);
            LOG.warning("Created the console admin account '" + name + "' with the password from -D"
                    + PASSWORD_PROPERTY);
        } else {
            String password = randomPassword(20);
            Path file;
            try {
                file = InitialAdminPassword.write(password);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the first-run admin password to "
                        + InitialAdminPassword.location(), e);
            }
            accounts.create(name, ConsoleRole.ADMIN, password);
            LOG.warning(firstRunMessage(name, file));
        }
    }

    /** The first-run admin's name. */
    static String name() {
        return System.getProperty(USER_PROPERTY, "admin");
    }

    /** The one line that tells the operator where the generated password is (never the password). */
    static String firstRunMessage(String name, Path file) {
        return "FIRST RUN: created the console admin account '" + name + "'; its password is in " + file
                + " (readable by the server's user only; deleted after the first login or a change of the"
                + " password; or set -D" + PASSWORD_PROPERTY + " before the first start)";
    }

    /** A random password from an alphabet without look-alike characters. */
    static String randomPassword(int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return out.toString();
    }
}
