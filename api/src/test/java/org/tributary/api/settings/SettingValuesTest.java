package org.tributary.api.settings;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SettingValuesTest {

    @Test
    void valuesKeepSchemaOrderWhateverOrderTheyCameIn() {
        SettingValues v = SettingValues.of(Map.of("mp3StallSeconds", "60", "rtspPort", "8554", "mediaRoot", "/m"));
        assertEquals(List.of("rtspPort", "mediaRoot", "mp3StallSeconds"), List.copyOf(v.asMap().keySet()));
        assertEquals(8554, v.integer("rtspPort"));
        assertNull(v.text("rtpPort"));
        assertFalse(v.has("rtpPort"));
    }

    @Test
    void anUnknownNameIsAProgrammingError() {
        assertThrows(IllegalArgumentException.class, () -> SettingValues.of(Map.of("color", "red")));
    }

    @Test
    void differencesNameChangedAddedAndMissingSettingsInSchemaOrder() {
        SettingValues a = SettingValues.of(Map.of("rtspPort", "8554", "maxSessions", "10", "rtpPort", "6970"));
        SettingValues b = a.with("maxSessions", "11").with("mediaRoot", "/m").only(List.of("maxSessions", "mediaRoot",
                "rtspPort"));
        assertEquals(List.of("rtpPort", "mediaRoot", "maxSessions"), a.differencesFrom(b));
        assertEquals(List.of(), a.differencesFrom(a.withAll(Map.of("rtspPort", "8554"))));
    }

    @Test
    void theDefaultsAreTheEditableSettingsOnly() {
        SettingValues d = SettingValues.editableDefaults();
        assertEquals(SettingsSchema.editableNames(), List.copyOf(d.asMap().keySet()));
        assertEquals(60, d.integer("sessionTimeoutSeconds"));
        assertFalse(d.has("senderThreads"));
    }

    @Test
    void theyCrossTheConnectionSerialized() throws Exception {
        SettingValues v = SettingValues.editableDefaults().with("rtspPort", "9554");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(v);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            assertEquals(v, in.readObject());
        }
    }
}
