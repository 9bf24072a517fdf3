/** The Settings page (admins): ports, limits, media folder, authentication, applied live where possible. */
package org.tributary.web.console.settings;
