package org.tributary.web.security;

import java.util.Properties;

/**
 * The console's login limits, from system properties (set with -D or /system-property in jboss-cli):
 * failures per name and per address before a lockout, and the lockout (and counting window) in seconds.
 *
 * @param failuresPerName    {@code tributary.console.failures-before-lockout}
 * @param failuresPerAddress {@code tributary.console.address-failures-before-lockout}
 * @param lockoutSeconds     {@code tributary.console.lockout-seconds}
 */
public record ConsoleLoginLimits(int failuresPerName, int failuresPerAddress, int lockoutSeconds) {

    static final String PER_NAME = "tributary.console.failures-before-lockout";
    static final String PER_ADDRESS = "tributary.console.address-failures-before-lockout";
    static final String LOCKOUT = "tributary.console.lockout-seconds";

    /** The limits the properties set; a bad value fails with a message naming its property. */
    public static ConsoleLoginLimits from(Properties properties) {
        return new ConsoleLoginLimits(
                positive(properties, PER_NAME, 5, 1000),
                positive(properties, PER_ADDRESS, 30, 100_000),
                positive(properties, LOCKOUT, 60, 86_400));
    }

    private static int positive(Properties properties, String name, int defaultValue, int max) {
        String text = properties.getProperty(name);
        if (text == null || text.isBlank()) {
            return defaultValue;
        }
        try {
            int value = Integer.parseInt(text.trim());
            if (value >= 1 && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(name + " must be a whole number from 1 to " + max + ", not '" + text + "'");
    }
}
