package org.tributary.ra;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tributary.api.settings.SettingValues;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The RTSPS port's key store: found relative to the configuration folder, off (null) when it cannot be read. */
class RtspsKeyStoreTest {

    private final Path config = Path.of("target", "test-tls", "config").toAbsolutePath();

    @AfterEach
    void clear() {
        System.clearProperty("jboss.server.config.dir");
        System.clearProperty(RtspsKeyStore.PASSWORD_PROPERTY);
    }

    private SettingValues keyStore(String name) throws Exception {
        Files.createDirectories(config);
        System.setProperty("jboss.server.config.dir", config.toString());
        return SettingValues.of(Map.of("tlsKeyStore", name));
    }

    @Test
    void readsTheStoreInTheConfigurationFolderWithThePasswordProperty() throws Exception {
        SettingValues deployed = keyStore("tls-test.p12");
        try (InputStream in = getClass().getResourceAsStream("/tls/test-server.p12")) {
            Files.write(config.resolve("tls-test.p12"), in.readAllBytes());
        }
        assertEquals(config.resolve("tls-test.p12"), RtspsKeyStore.file(deployed));
        System.setProperty(RtspsKeyStore.PASSWORD_PROPERTY, "tributary-test");
        assertNotNull(RtspsKeyStore.context(deployed));
        System.setProperty(RtspsKeyStore.PASSWORD_PROPERTY, "wrong");
        assertNull(RtspsKeyStore.context(deployed), "a wrong password turns RTSPS off");
    }

    @Test
    void aMissingStoreTurnsRtspsOff() throws Exception {
        assertNull(RtspsKeyStore.context(keyStore("none.p12")));
    }
}
