package org.tributary.api.settings;

/** How a setting's value is written; every value travels as text. */
public enum SettingType {
    /** Free text (an address, a folder, a list of words). */
    TEXT,
    /** A whole number within the descriptor's range. */
    INTEGER,
    /** true or false. */
    BOOLEAN
}
