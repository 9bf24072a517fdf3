package org.tributary.ejb.settings;

import org.tributary.api.settings.SettingDescriptor;
import org.tributary.api.settings.SettingValues;
import org.tributary.api.settings.SettingsSchema;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * How saved rows (setting name → value) and the run's defaults make the settings in force, and which rows a
 * save keeps: only values that differ from the defaults are stored, so a field set back to its default
 * follows the run's properties again.
 */
final class StoredValues {

    private StoredValues() {
    }

    /**
     * The defaults overridden by the stored rows that still name an editable setting and still have its
     * type; any other row (a hand-edited value, a setting no longer editable) is reported to {@code ignored}.
     */
    static SettingValues over(SettingValues defaults, Map<String, String> stored, BiConsumer<String, String> ignored) {
        Map<String, String> usable = new LinkedHashMap<>();
        stored.forEach((name, value) -> {
            SettingDescriptor d = SettingsSchema.find(name).filter(SettingDescriptor::editable).orElse(null);
            if (d == null || d.type() != org.tributary.api.settings.SettingType.TEXT && d.problem(value) != null) {
                ignored.accept(name, value);
            } else {
                usable.put(name, value);
            }
        });
        return defaults.withAll(usable);
    }

    /** The rows to keep after saving {@code saved}: name → value of each field that differs from its default. */
    static Map<String, String> rows(SettingValues saved, SettingValues defaults) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String name : saved.differencesFrom(defaults)) {
            if (saved.has(name)) {
                out.put(name, saved.text(name));
            }
        }
        return out;
    }
}
