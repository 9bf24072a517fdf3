package org.tributary.web.api.model;

import org.tributary.api.settings.SettingType;
import org.tributary.api.settings.SettingValues;
import org.tributary.api.settings.SettingsSchema;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Settings as the API writes them: whole numbers as JSON numbers, the others as strings. Their schema,
 * "Settings", is made from {@link SettingsSchema} by {@link org.tributary.web.api.SettingsSchemaReader}.
 */
public final class SettingsMap {

    /** The name of the settings' schema in the OpenAPI document. */
    public static final String SCHEMA = "Settings";

    private SettingsMap() {
    }

    public static Map<String, Object> of(SettingValues s) {
        Map<String, Object> out = new LinkedHashMap<>();
        s.asMap().forEach((field, value) -> out.put(field,
                SettingsSchema.get(field).type() == SettingType.INTEGER ? (Object) Integer.parseInt(value) : value));
        return out;
    }
}
