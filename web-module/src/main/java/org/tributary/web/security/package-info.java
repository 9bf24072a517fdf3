/**
 * Console security through Jakarta Security (on WildFly's Elytron integration): a login form for the
 * pages and HTTP Basic for the JSON API ({@link org.tributary.web.security.ConsoleAuthenticationMechanism}),
 * console accounts checked by {@link org.tributary.web.security.ConsoleIdentityStore} against the hashes
 * the EJB side keeps, and the roles admin, operator and viewer.
 */
package org.tributary.web.security;
