/** The access log, error log and session history, driven by real clients on the deployed EAR. */
package org.tributary.it.logs;
