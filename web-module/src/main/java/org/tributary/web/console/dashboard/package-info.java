/** The dashboard: live numbers and the last hour's charts (drawn by resources/js/dashboard.js). */
package org.tributary.web.console.dashboard;
