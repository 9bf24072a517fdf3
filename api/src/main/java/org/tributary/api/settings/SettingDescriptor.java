package org.tributary.api.settings;

import java.io.Serializable;
import java.util.Objects;

/**
 * What there is to know about one setting: its name (the adapter's config property, the JSON field and
 * the form field), its system property, type, default, range, how it reads on the Settings page and when
 * a change takes effect.
 *
 * @param name         the adapter's config property and the field name in the JSON API
 * @param property     the system property that sets the deploy-time value
 * @param type         how the value is written
 * @param defaultValue the value when the property is not set
 * @param min          smallest whole number allowed (INTEGER only)
 * @param max          largest whole number allowed (INTEGER only)
 * @param zeroMeans    what 0 means when it is allowed and special ("no limit"), else null
 * @param label        the field's label on the Settings page
 * @param unit         the unit of the number ("s", "kbit/s", "bytes"), or "" for none
 * @param description  one sentence on what the setting does (the README's table and the page's hint)
 * @param group        the Settings page section it is shown in
 * @param applied      when a change made by an administrator takes effect
 */
public record SettingDescriptor(String name, String property, SettingType type, String defaultValue, long min,
                                long max, String zeroMeans, String label, String unit, String description,
                                String group, Applied applied) implements Serializable {

    /** When a change takes effect. */
    public enum Applied {
        /** At once, on the running adapter. */
        LIVE,
        /** Saved now, used from the next start of the adapter. */
        RESTART,
        /** Only from the system property when the adapter is deployed: not on the Settings page. */
        DEPLOY
    }

    public SettingDescriptor {
        Objects.requireNonNull(name);
        Objects.requireNonNull(property);
        Objects.requireNonNull(type);
        Objects.requireNonNull(defaultValue);
        Objects.requireNonNull(applied);
        String problem = problem(type, min, max, zeroMeans, defaultValue);
        if (problem != null) {
            throw new IllegalArgumentException(name + ": the default '" + defaultValue + "' " + problem);
        }
    }

    /** Whether an administrator may change it (the Settings page, the JSON API). */
    public boolean editable() {
        return applied != Applied.DEPLOY;
    }

    /** The label with its unit, as the page shows it: "Session timeout (s)". */
    public String labelWithUnit() {
        return unit.isEmpty() ? label : label + " (" + unit + ")";
    }

    /** Why this value cannot be used, in words an administrator can act on; null when it can. */
    public String problem(String value) {
        return problem(type, min, max, zeroMeans, value);
    }

    // Static so that the constructor can check the default before the fields are set.
    private static String problem(SettingType type, long min, long max, String zeroMeans, String value) {
        if (value == null || value.isBlank()) {
            return "must be set";
        }
        switch (type) {
            case INTEGER -> {
                long number;
                try {
                    number = Long.parseLong(value.trim());
                } catch (NumberFormatException e) {
                    return "must be a whole number";
                }
                if (number < min || number > max) {
                    String low = min == 0 && zeroMeans != null ? "0 (" + zeroMeans + ")" : Long.toString(min);
                    return "must be between " + low + " and " + max;
                }
                return null;
            }
            case BOOLEAN -> {
                String v = value.trim();
                return v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false") ? null : "must be true or false";
            }
            default -> {
                return null;
            }
        }
    }
}
