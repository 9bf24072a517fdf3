/**
 * Console accounts on the pages: the admins' list and edit page ({@code /admin/accounts.xhtml},
 * {@code /admin/account.xhtml}) and everyone's "My account" page ({@code account.xhtml}), all through
 * {@link org.tributary.ejb.console.ConsoleAccountService}, with the same rules as {@code /api/console-accounts}.
 */
package org.tributary.web.console.accounts;
