/**
 * Streaming users and groups (JPA). A user's password is never stored: only the Digest HA1 values of
 * RFC 7616 (MD5 and SHA-256) for the user's realm, which verify Basic passwords and Digest responses
 * alike. Every change clears the adapter's access cache.
 */
package org.tributary.ejb.users;
