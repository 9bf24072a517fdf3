/**
 * The adapter's settings schema: one {@link org.tributary.api.settings.SettingDescriptor} per setting in
 * {@link org.tributary.api.settings.SettingsSchema}, and {@link org.tributary.api.settings.SettingValues}, the
 * values by name that travel between the EJBs and the adapter. The adapter validates with it, the JSON API
 * and the console's Settings page are generated from it, and a test keeps README's Configuration table and
 * ironjacamar.xml in step with it.
 */
package org.tributary.api.settings;
