package org.tributary.ra;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ControlSettingsTest {

    @Test
    void validValuesAreKept() throws Exception {
        ControlSettings s = ControlSettings.of(8, 1000);
        assertEquals(8, s.threads());
        assertEquals(1000, s.queue());
    }

    @Test
    void badValuesNameTheProperty() {
        assertTrue(assertThrows(AdapterConfig.InvalidConfigException.class, () -> ControlSettings.of(0, 10))
                .getMessage().contains("controlThreads"));
        assertTrue(assertThrows(AdapterConfig.InvalidConfigException.class, () -> ControlSettings.of(33, 10))
                .getMessage().contains("controlThreads"));
        assertTrue(assertThrows(AdapterConfig.InvalidConfigException.class, () -> ControlSettings.of(4, 0))
                .getMessage().contains("controlQueue"));
        assertTrue(assertThrows(AdapterConfig.InvalidConfigException.class, () -> ControlSettings.of(4, null))
                .getMessage().contains("controlQueue"));
    }

    @Test
    void ironjacamarDefaultsMatchTheAdapterDefaults() throws Exception {
        String xml = Files.readString(Path.of("src/main/rar/META-INF/ironjacamar.xml"));
        TributaryResourceAdapter ra = new TributaryResourceAdapter();
        assertTrue(xml.contains("${tributary.control.threads:" + ra.getControlThreads() + "}"));
        assertTrue(xml.contains("${tributary.control.queue:" + ra.getControlQueue() + "}"));
        assertTrue(xml.contains("${tributary.auth.digest-without-qop:" + ra.getAuthDigestWithoutQop() + "}"));
    }
}
