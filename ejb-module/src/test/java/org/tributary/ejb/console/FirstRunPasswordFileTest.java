package org.tributary.ejb.console;

import jakarta.transaction.TransactionSynchronizationRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The random first-run password: created with the admin account, kept only in a 0600 file under the data
 * directory, never logged, and deleted by the admin's first login or a change of the password.
 */
class FirstRunPasswordFileTest {

    private final List<String> logged = new ArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(record.getMessage());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private String oldDataDir;
    private Path dataDir;

    @BeforeEach
    void useATestDataDirectory() throws IOException {
        oldDataDir = System.getProperty(InitialAdminPassword.DATA_DIR_PROPERTY);
        dataDir = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "data");
        System.setProperty(InitialAdminPassword.DATA_DIR_PROPERTY, dataDir.toString());
        Logger.getLogger(FirstAdmin.class.getName()).addHandler(capture);
        Logger.getLogger(ConsoleAccountService.class.getName()).addHandler(capture);
    }

    @AfterEach
    void restore() {
        Logger.getLogger(FirstAdmin.class.getName()).removeHandler(capture);
        Logger.getLogger(ConsoleAccountService.class.getName()).removeHandler(capture);
        if (oldDataDir == null) {
            System.clearProperty(InitialAdminPassword.DATA_DIR_PROPERTY);
        } else {
            System.setProperty(InitialAdminPassword.DATA_DIR_PROPERTY, oldDataDir);
        }
    }

    @Test
    void theGeneratedPasswordIsInAnOwnerOnlyFileAndInNoLogLine() throws Exception {
        Accounts accounts = firstStart();
        Path file = dataDir.resolve("tributary").resolve("initial-admin-password");
        assertEquals(file.toAbsolutePath(), InitialAdminPassword.location());
        assertEquals(EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE),
                Files.getPosixFilePermissions(file));
        String password = Files.readString(file, StandardCharsets.UTF_8).trim();
        assertEquals(20, password.length());
        assertTrue(PasswordHash.verify(password, accounts.created.getPasswordHash()), "the file holds the admin's password");
        assertTrue(logged.stream().anyMatch(line -> line.contains(file.toAbsolutePath().toString())), "the log says where: " + logged);
        assertTrue(logged.stream().noneMatch(line -> line.contains(password)), "the log never holds it: " + logged);
    }

    @Test
    void theAdminsFirstLoginDeletesTheFile() throws Exception {
        Accounts accounts = firstStart();
        Path file = InitialAdminPassword.location();
        String password = Files.readString(file).trim();
        assertTrue(accounts.authenticate("admin", "not the password").isEmpty());
        assertTrue(Files.exists(file), "a failed login keeps it");
        assertEquals(Optional.of(ConsoleRole.ADMIN), accounts.authenticate("admin", password));
        assertFalse(Files.exists(file), "the first login deletes it");
        assertTrue(logged.stream().noneMatch(line -> line.contains(password)), logged.toString());
    }

    @Test
    void aNewPasswordDeletesTheFile() throws Exception {
        Accounts accounts = firstStart();
        Path file = InitialAdminPassword.location();
        String password = Files.readString(file).trim();
        assertTrue(accounts.changeOwnPassword("admin", password, "a new long password"));
        assertFalse(Files.exists(file));
    }

    @Test
    void aConfiguredPasswordWritesNoFileAndIsNotLogged() throws Exception {
        System.setProperty(FirstAdmin.PASSWORD_PROPERTY, "configured-pw-123");
        try {
            firstStart();
        } finally {
            System.clearProperty(FirstAdmin.PASSWORD_PROPERTY);
        }
        assertFalse(Files.exists(InitialAdminPassword.location()));
        assertTrue(logged.stream().noneMatch(line -> line.contains("configured-pw-123")), logged.toString());
    }

    /** Runs FirstAdmin's start-up against an empty account store. */
    private Accounts firstStart() throws Exception {
        Accounts accounts = new Accounts();
        FirstAdmin first = new FirstAdmin();
        set(first, "accounts", accounts);
        first.createWhenMissing();
        return accounts;
    }

    private static void set(Object target, String field, Object value) throws ReflectiveOperationException {
        Field f = target.getClass().getDeclaredField(field);
        f.setAccessible(true);
        f.set(target, value);
    }

    /** The account service over one account in memory instead of the database. */
    static final class Accounts extends ConsoleAccountService {

        ConsoleAccount created;

        Accounts() throws ReflectiveOperationException {
            Field logins = ConsoleAccountService.class.getDeclaredField("logins");
            logins.setAccessible(true);
            logins.set(this, new LoginCache());
            Field transactions = ConsoleAccountService.class.getDeclaredField("transactions");
            transactions.setAccessible(true);
            transactions.set(this, Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[]{TransactionSynchronizationRegistry.class}, (proxy, method, args) -> null));
        }

        @Override
        public long count(ConsoleRole role) {
            return created == null ? 0 : 1;
        }

        @Override
        public Optional<ConsoleAccount> account(String name) {
            return Optional.ofNullable(created).filter(a -> a.getName().equals(name));
        }

        @Override
        public ConsoleAccount create(String name, ConsoleRole role, String password) {
            created = new ConsoleAccount(name, role, PasswordHash.hash(password));
            return created;
        }
    }
}
