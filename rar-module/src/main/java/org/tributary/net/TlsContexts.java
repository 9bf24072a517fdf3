package org.tributary.net;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Arrays;
import java.util.List;

/**
 * The server's {@link SSLContext}, made from a key store file (PKCS#12 or JKS, the type read from the file):
 * the same file WildFly's Elytron key store {@code tributaryKS} reads, so RTSPS and HTTPS show one certificate.
 * Only TLS 1.2 and 1.3 are enabled.
 */
public final class TlsContexts {

    /** The protocols a server engine enables, newest first. */
    public static final List<String> PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");

    private TlsContexts() {
    }

    /**
     * Loads {@code keyStore} (its key entries' passwords are the store's) and makes a server context.
     *
     * @throws IOException with the file in the message when it is missing, unreadable, has the wrong password
     *                     or holds no private key
     */
    public static SSLContext fromKeyStore(Path keyStore, char[] password) throws IOException {
        if (!Files.isRegularFile(keyStore)) {
            throw new IOException("no TLS key store at " + keyStore);
        }
        KeyStore store;
        try {
            store = KeyStore.getInstance(keyStore.toFile(), password);
        } catch (GeneralSecurityException | IOException e) {
            throw new IOException("cannot read the TLS key store " + keyStore + ": " + e.getMessage(), e);
        }
        try {
            if (!hasPrivateKey(store)) {
                throw new IOException("the TLS key store " + keyStore + " holds no private key with a certificate");
            }
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, password);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot use the TLS key store " + keyStore + ": " + e.getMessage(), e);
        }
    }

    private static boolean hasPrivateKey(KeyStore store) throws GeneralSecurityException {
        for (String alias : java.util.Collections.list(store.aliases())) {
            if (store.isKeyEntry(alias) && store.getCertificate(alias) != null) {
                return true;
            }
        }
        return false;
    }

    /** A server-mode engine of {@code context} with TLS 1.2 and 1.3 only. */
    public static SSLEngine serverEngine(SSLContext context) {
        SSLEngine engine = context.createSSLEngine();
        engine.setUseClientMode(false);
        List<String> supported = Arrays.asList(engine.getSupportedProtocols());
        engine.setEnabledProtocols(PROTOCOLS.stream().filter(supported::contains).toArray(String[]::new));
        return engine;
    }
}
