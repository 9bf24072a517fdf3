/**
 * The Sessions page: rows of the adapter's live sessions at one instant, their
 * filtering and sorting by column, and the Disconnect action for operators.
 */
package org.tributary.web.console.sessions;
