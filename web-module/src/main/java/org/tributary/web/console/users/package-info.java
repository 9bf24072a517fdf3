/** The Users, Groups and Broadcasters pages: lists for every role, edit forms for admins. */
package org.tributary.web.console.users;
