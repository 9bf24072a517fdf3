/**
 * Who may read or publish which path: folder rules (realm, scheme, read and write audiences, CIDR address
 * blocks) and broadcaster accounts as JPA entities, the database-free {@link org.tributary.ejb.access.AccessPolicy}
 * that decides, and {@link org.tributary.ejb.access.AccessMdb}, which answers the adapter's questions.
 * Every change clears the adapter's decision cache.
 */
package org.tributary.ejb.access;
