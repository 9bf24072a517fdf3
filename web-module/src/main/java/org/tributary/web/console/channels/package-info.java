/**
 * The Channels pages: the playlist channels with their state and Start/Stop/Skip (operators), a channel's form
 * and the Darwin import (admins), and a channel's play log.
 */
package org.tributary.web.console.channels;
