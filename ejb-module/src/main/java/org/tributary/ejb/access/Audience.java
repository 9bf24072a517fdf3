package org.tributary.ejb.access;

/** Who a permission admits, as qtaccess {@code require} lines say it. */
public enum Audience {
    /** {@code require any-user}: everyone, no credentials asked. */
    ANYONE,
    /** {@code require valid-user}: any user who authenticates. */
    ANY_USER,
    /** {@code require user ...} / {@code require group ...}: the named users and the members of the named groups. */
    LISTED,
    /** No {@code require} line: nobody. */
    NOBODY
}
