/**
 * The server settings an administrator saved: rows of setting name and value (StoredSetting), laid over the
 * run's defaults and handed to the adapter, which validates and applies them (SettingsService), also when
 * the application starts (SettingsAtStartup). The fields themselves are declared once, in
 * {@link org.tributary.api.settings.SettingsSchema}.
 */
package org.tributary.ejb.settings;
