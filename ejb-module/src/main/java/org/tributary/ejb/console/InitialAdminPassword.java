package org.tributary.ejb.console;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The generated first-run admin password, kept the way Jenkins and Keycloak keep theirs: in a file only
 * the server's OS user can read ({@code <jboss.server.data.dir>/tributary/initial-admin-password}, mode
 * 0600), never in a log, and deleted once the admin has logged in or changed the password.
 */
public final class InitialAdminPassword {

    static final String DATA_DIR_PROPERTY = "jboss.server.data.dir";
    static final String FILE_NAME = "initial-admin-password";

    private InitialAdminPassword() {
    }

    /** Where the file is (or would be): under the server's data directory, else the working directory. */
    public static Path location() {
        return Path.of(System.getProperty(DATA_DIR_PROPERTY, "."), "tributary", FILE_NAME).toAbsolutePath();
    }

    /**
     * Writes the password into a new file made with mode 0600 from the start (never readable by others,
     * not even for a moment); an old file is replaced.
     */
    static Path write(String password) throws IOException {
        Path file = location();
        Files.createDirectories(file.getParent());
        Files.deleteIfExists(file);
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(file);
            var f = file.toFile();
            if (!(f.setReadable(false, false) && f.setWritable(false, false)
                    && f.setReadable(true, true) && f.setWritable(true, true))) {
                Files.delete(file);
                throw new IOException("cannot make " + file + " readable by its owner only");
            }
        }
        Files.writeString(file, password + "\n", StandardCharsets.UTF_8);
        return file;
    }

    /** Deletes the file once the first admin has logged in or has a new password; true when there was one. */
    static boolean discard() {
        try {
            return Files.deleteIfExists(location());
        } catch (IOException e) {
            return false;
        }
    }
}
