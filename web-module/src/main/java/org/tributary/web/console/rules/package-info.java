/** The Rules page (folder rules, as qtaccess files say them) and its edit form for admins. */
package org.tributary.web.console.rules;
