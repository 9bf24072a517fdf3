/**
 * The EJB side of Tributary: everything that needs a database or a decision. Packages follow concerns
 * ({@code access}, {@code adapter}, later {@code users}, {@code logs}, {@code settings}); message-driven
 * beans stay thin and hand each message to one service.
 */
package org.tributary.ejb;
