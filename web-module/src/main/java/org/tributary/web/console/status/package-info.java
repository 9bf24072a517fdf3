/** The console's status area: what the adapter is doing now. */
package org.tributary.web.console.status;
