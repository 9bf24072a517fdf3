package org.tributary.api.settings;

import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Settings as text by name, in schema order: what the EJBs and the adapter exchange, what the database
 * stores and what the JSON API shows. Immutable; only names of {@link SettingsSchema} are kept.
 */
public final class SettingValues implements Serializable {

    private static final long serialVersionUID = 1L;

    private final LinkedHashMap<String, String> values;

    private SettingValues(Map<String, String> values) {
        LinkedHashMap<String, String> ordered = new LinkedHashMap<>();
        for (SettingDescriptor d : SettingsSchema.ALL) {
            String value = values.get(d.name());
            if (value != null) {
                ordered.put(d.name(), value);
            }
        }
        for (String name : values.keySet()) {
            SettingsSchema.get(name); // an unknown name is a programming error here, not an admin's typo
        }
        this.values = ordered;
    }

    public static SettingValues of(Map<String, String> values) {
        return new SettingValues(values);
    }

    /** The schema's defaults of the editable settings. */
    public static SettingValues editableDefaults() {
        Map<String, String> out = new LinkedHashMap<>();
        SettingsSchema.editable().forEach(d -> out.put(d.name(), d.defaultValue()));
        return new SettingValues(out);
    }

    /** The value, or null when this set has none for the name. */
    public String text(String name) {
        return values.get(name);
    }

    /** A whole-number setting's value; call only for values that passed their descriptor's check. */
    public int integer(String name) {
        return Integer.parseInt(values.get(name).trim());
    }

    public boolean bool(String name) {
        return Boolean.parseBoolean(values.get(name).trim());
    }

    public boolean has(String name) {
        return values.containsKey(name);
    }

    /** These values with one replaced or added. */
    public SettingValues with(String name, String value) {
        Map<String, String> out = new LinkedHashMap<>(values);
        out.put(name, value);
        return new SettingValues(out);
    }

    /** These values with every entry of {@code others} replaced or added. */
    public SettingValues withAll(Map<String, String> others) {
        Map<String, String> out = new LinkedHashMap<>(values);
        out.putAll(others);
        return new SettingValues(out);
    }

    /** Only the named settings of these values. */
    public SettingValues only(List<String> names) {
        Map<String, String> out = new LinkedHashMap<>(values);
        out.keySet().retainAll(names);
        return new SettingValues(out);
    }

    /** The names, in schema order, whose values differ between these and {@code other} (or are in one only). */
    public List<String> differencesFrom(SettingValues other) {
        return SettingsSchema.ALL.stream().map(SettingDescriptor::name)
                .filter(n -> (has(n) || other.has(n)) && !Objects.equals(text(n), other.text(n))).toList();
    }

    /** The values by name, in schema order. */
    public Map<String, String> asMap() {
        return Collections.unmodifiableMap(values);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SettingValues other && values.equals(other.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
