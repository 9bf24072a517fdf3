package org.tributary.catalog;

import org.tributary.api.access.AccessAction;

import java.nio.file.Path;

/**
 * The one spelling of a request path that both the access question and the file lookup use: the real
 * path (symbolic links followed, as the file system spells it) of the longest part that exists, relative
 * to the real media root, followed by the segments that name nothing, normalized lexically.
 *
 * @param path            the canonical path, without leading slash ("" for the root)
 * @param exists          whether the whole path names an existing file or folder
 * @param nearestExisting the canonical path of the longest existing part (the path itself when it exists)
 * @param real            the real file of {@code nearestExisting}
 */
public record CanonicalPath(String path, boolean exists, String nearestExisting, Path real) {

    /**
     * The path an access question is asked about. A read of a path that names nothing is asked about its
     * nearest existing folder (or file), so random names in one folder share one cached decision and a
     * missing file in a protected folder is refused like an existing one. A publisher names a stream that
     * does not exist yet: the whole path.
     */
    public String accessPath(AccessAction action) {
        return action == AccessAction.WRITE ? path : nearestExisting;
    }
}
