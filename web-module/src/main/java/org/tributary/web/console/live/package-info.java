/** The Local broadcasters page: the server's broadcaster commands, their state, and Start/Stop for admins. */
package org.tributary.web.console.live;
