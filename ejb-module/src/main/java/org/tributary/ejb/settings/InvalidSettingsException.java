package org.tributary.ejb.settings;

import java.util.Map;
import java.util.TreeMap;

/** Settings refused, with one message per bad field (keyed by setting name, as in {@link org.tributary.api.settings.SettingsSchema}). */
public class InvalidSettingsException extends Exception {

    private final Map<String, String> fieldErrors;

    public InvalidSettingsException(Map<String, String> fieldErrors) {
        super("invalid settings: " + new TreeMap<>(fieldErrors));
        this.fieldErrors = Map.copyOf(fieldErrors);
    }

    public Map<String, String> fieldErrors() {
        return fieldErrors;
    }
}
