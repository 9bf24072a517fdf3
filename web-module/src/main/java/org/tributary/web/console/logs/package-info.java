/** The Logs page: the access history (filters, CSV) and the error log tail. */
package org.tributary.web.console.logs;
