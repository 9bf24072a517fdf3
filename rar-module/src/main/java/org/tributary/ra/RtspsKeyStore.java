package org.tributary.ra;

import org.tributary.api.settings.SettingValues;
import org.tributary.net.TlsContexts;

import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.nio.file.Path;
import java.util.logging.Logger;

/**
 * Where the RTSPS port's certificate comes from: the key store file WildFly's Elytron key store
 * {@code tributaryKS} also reads (configure-tls.cli), by path and password. A resource adapter cannot look up
 * Elytron's ssl-context capability, so it reads the same file; one certificate serves RTSPS and HTTPS.
 */
final class RtspsKeyStore {

    private static final Logger LOG = Logger.getLogger(RtspsKeyStore.class.getName());

    /** The store's password, a system property only: settings are shown on the console and the API. */
    static final String PASSWORD_PROPERTY = "tributary.tls.key-store-password";
    static final String DEFAULT_PASSWORD = "tributary";

    private RtspsKeyStore() {
    }

    /** The key store file: the setting, relative to the server's configuration folder. */
    static Path file(SettingValues deployed) {
        return Path.of(System.getProperty("jboss.server.config.dir", ".")).resolve(deployed.text("tlsKeyStore"));
    }

    /** The RTSPS context, or null with a SEVERE line saying why RTSPS stays off. */
    static SSLContext context(SettingValues deployed) {
        try {
            return TlsContexts.fromKeyStore(file(deployed),
                    System.getProperty(PASSWORD_PROPERTY, DEFAULT_PASSWORD).toCharArray());
        } catch (IOException e) {
            LOG.severe("RTSPS is off: " + e.getMessage() + " (tributary.tls.key-store, " + PASSWORD_PROPERTY
                    + "; docs/OPERATIONS.md, TLS)");
            return null;
        }
    }
}
