package org.tributary.api;

import org.tributary.api.settings.SettingValues;

import java.io.Serializable;

/**
 * The adapter's editable settings twice over.
 *
 * @param configured what the deployment configured (the run's {@code -Dtributary.*} properties): the defaults
 *                   that settings stored by an administrator override
 * @param running    what the adapter works with now (the ports and address actually bound)
 */
public record AdapterSettings(SettingValues configured, SettingValues running) implements Serializable {
}
