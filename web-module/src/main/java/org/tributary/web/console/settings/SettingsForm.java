package org.tributary.web.console.settings;

import org.tributary.api.settings.SettingDescriptor;
import org.tributary.api.settings.SettingType;
import org.tributary.api.settings.SettingValues;
import org.tributary.api.settings.SettingsSchema;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Settings form's fields by setting name, one per editable setting of the schema. Whole numbers are
 * held as Integers so Faces converts them (and says when it cannot); the page binds {@code values[name]}.
 */
public class SettingsForm implements Serializable {

    private final LinkedHashMap<String, Object> values = new LinkedHashMap<>();

    static SettingsForm of(SettingValues s) {
        SettingsForm f = new SettingsForm();
        for (SettingDescriptor d : SettingsSchema.editable()) {
            String text = s.text(d.name());
            f.values.put(d.name(), d.type() == SettingType.INTEGER && text != null ? Integer.valueOf(text) : text);
        }
        return f;
    }

    /** The settings the form says (every field is required by the page, so none is null here). */
    SettingValues settings() {
        Map<String, String> out = new LinkedHashMap<>();
        values.forEach((name, value) -> out.put(name, value == null ? "" : value.toString().trim()));
        return SettingValues.of(out);
    }

    public Map<String, Object> getValues() {
        return values;
    }
}
