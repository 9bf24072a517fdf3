package org.tributary.ejb.settings;

import org.junit.jupiter.api.Test;
import org.tributary.api.settings.SettingValues;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class StoredValuesTest {

    private final SettingValues defaults = SettingValues.editableDefaults();

    @Test
    void storedRowsOverrideTheDefaultsAndUnusableRowsAreReportedNotUsed() {
        Map<String, String> ignored = new LinkedHashMap<>();
        Map<String, String> rows = new LinkedHashMap<>();
        rows.put("maxSessions", "3");
        rows.put("rtpPort", "many");          // hand-edited into something that is not a number
        rows.put("senderThreads", "4");       // not a setting an administrator may change
        rows.put("color", "red");             // not a setting at all
        rows.put("mediaRoot", "/srv/media");
        SettingValues now = StoredValues.over(defaults, rows, ignored::put);
        assertEquals(3, now.integer("maxSessions"));
        assertEquals("/srv/media", now.text("mediaRoot"));
        assertEquals(defaults.text("rtpPort"), now.text("rtpPort"));
        assertEquals(List.of("rtpPort", "senderThreads", "color"), List.copyOf(ignored.keySet()));
        assertEquals(List.of("mediaRoot", "maxSessions"), now.differencesFrom(defaults));
    }

    @Test
    void onlyFieldsThatDifferFromTheDefaultsAreKept() {
        SettingValues saved = defaults.with("maxSessions", "3").with("rtspIdleTimeoutSeconds", "5");
        assertEquals(Map.of("maxSessions", "3", "rtspIdleTimeoutSeconds", "5"), StoredValues.rows(saved, defaults));
        assertEquals(Map.of(), StoredValues.rows(defaults, defaults), "back to the defaults: no row");
    }
}
