/**
 * Logins checked against an LDAP directory (OpenLDAP, Active Directory) over JNDI: the connection settings
 * read from the {@code tributary.ldap.*} system properties, the search and bind, and the groups a user is in.
 * Knows no console roles or rules: the callers map groups to what they grant.
 */
package org.tributary.ejb.ldap;
