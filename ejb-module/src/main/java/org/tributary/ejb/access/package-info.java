/**
 * Who may read or publish which path. Rules are JPA entities; {@link org.tributary.ejb.access.AccessMdb}
 * answers the adapter's questions through {@link org.tributary.ejb.access.AccessService}, and every
 * change to the rules clears the adapter's decision cache.
 */
package org.tributary.ejb.access;
