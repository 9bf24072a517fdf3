/**
 * The Relays pages: the list with each relay's state (enable, disable and delete for admins), the add/edit form
 * with its write-only password, and the Darwin relayconfig.xml import.
 */
package org.tributary.web.console.relays;
