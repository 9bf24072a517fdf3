/**
 * Console administrators: accounts with one of the roles admin, operator or viewer, passwords kept only
 * as salted PBKDF2 hashes, and the first-run admin account. The web module's identity store checks
 * console logins through {@link org.tributary.ejb.console.ConsoleAccountService}.
 */
package org.tributary.ejb.console;
