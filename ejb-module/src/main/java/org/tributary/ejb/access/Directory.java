package org.tributary.ejb.access;

import org.tributary.api.access.UserHashes;

import java.util.Set;

/** What a decision needs to know about users: the database in the server, a map in tests. */
public interface Directory {

    /** The user's stored hashes, or null when there is no such user. */
    UserHashes hashes(String user);

    Set<String> groupsOf(String user);

    /** Whether a broadcaster account lets the user publish at the path. */
    boolean broadcasts(String user, String path);
}
