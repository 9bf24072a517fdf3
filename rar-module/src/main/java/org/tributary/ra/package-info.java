/**
 * The JCA roles of the resource adapter, one job per class: {@link org.tributary.ra.TributaryResourceAdapter}
 * is the config bean and the JCA life cycle; {@link org.tributary.ra.DeployedSettings} validates its properties
 * against {@link org.tributary.api.settings.SettingsSchema}; {@link org.tributary.ra.AdapterComponents} is the
 * composition root (builds, starts, stops the components, and says which one applies which live setting);
 * {@link org.tributary.ra.Housekeeping} runs the once-a-second chores; {@link org.tributary.ra.LiveSettings} with
 * {@link org.tributary.ra.SettingsCheck} checks and applies an administrator's settings;
 * {@link org.tributary.ra.AdapterFacade} is what the outbound connection may ask. Inbound (adapter to EJB) and
 * outbound (EJB to adapter) calls live in the sub-packages.
 */
package org.tributary.ra;
