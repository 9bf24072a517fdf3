package org.tributary.ejb.fields;

import java.util.ResourceBundle;

/**
 * The one bundle of field messages ({@code FieldMessages.properties} beside this class): the console's pages
 * show them next to their fields and the REST API returns them in its 400 "fields", so both say the same.
 */
public final class FieldMessages {

    private static final ResourceBundle BUNDLE = ResourceBundle.getBundle(FieldMessages.class.getName());

    private FieldMessages() {
    }

    /** The message of {@code key}, with {@code {0}} replaced by {@code value} when given. */
    public static String text(String key, Object... value) {
        String text = BUNDLE.getString(key);
        return value.length == 0 ? text : text.replace("{0}", String.valueOf(value[0]));
    }
}
