/**
 * The server settings an administrator saves: the record the Settings page and {@code /api/settings} edit,
 * its field-by-field validation (with a port probe), the stored overrides of the run's {@code -Dtributary.*}
 * values, and handing them to the adapter at start and on save.
 */
package org.tributary.ejb.settings;
