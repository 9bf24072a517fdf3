/**
 * The Faces console: the logged-in user and role checks ({@link org.tributary.web.console.ConsoleUser}),
 * messages, and the exception handler that keeps stack traces off the pages. One sub-package per page
 * family holds its backing beans.
 */
package org.tributary.web.console;
