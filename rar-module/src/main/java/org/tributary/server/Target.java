package org.tributary.server;

import org.tributary.catalog.CanonicalPath;

/**
 * A request path split into the presentation and, for SETUP, the track it names; the presentation is the
 * catalogue's canonical path, the one access is decided on and the file is looked up by.
 *
 * @param track the zero-based track, -1 when none is named, -2 when the track id is not a number
 */
record Target(CanonicalPath canonical, int track) {

    String presentation() {
        return canonical.path();
    }
}
