/**
 * The console's login form and logout button: a good password starts a fresh HTTP session and goes on to
 * the page that asked for it; a bad one is refused without saying which field was wrong.
 */
package org.tributary.web.console.login;
