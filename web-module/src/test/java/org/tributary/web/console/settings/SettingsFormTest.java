package org.tributary.web.console.settings;

import org.junit.jupiter.api.Test;
import org.tributary.api.settings.SettingValues;
import org.tributary.api.settings.SettingsSchema;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SettingsFormTest {

    @Test
    void theFormHasOneFieldPerEditableSettingAndCarriesEveryOneBack() {
        SettingValues s = SettingValues.editableDefaults().withAll(Map.of("rtspBindAddress", " 0.0.0.0 ",
                "mp3MaxStreams", "2", "mp3IcyMetaint", "8192", "mediaRoot", "/srv/media"));
        SettingsForm form = SettingsForm.of(s);
        assertEquals(SettingsSchema.editableNames(), List.copyOf(form.getValues().keySet()));
        assertEquals(2, form.getValues().get("mp3MaxStreams"), "numbers are Integers, for the page's converter");
        assertEquals(s.with("rtspBindAddress", "0.0.0.0"), form.settings(), "saving the page keeps them, trimmed");
        form.getValues().put("mp3StallSeconds", 90);
        assertEquals(90, form.settings().integer("mp3StallSeconds"));
    }
}
