/**
 * Console security through Jakarta Security (on WildFly's Elytron integration): HTTP Basic for the pages
 * and the JSON API, console accounts checked by {@link org.tributary.web.security.ConsoleIdentityStore}
 * against the hashes the EJB side keeps, and the roles admin, operator and viewer.
 */
package org.tributary.web.security;
