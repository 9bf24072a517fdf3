package org.tributary.ejb.darwin;

import java.util.Map;

/**
 * A set of Darwin access files to import. Any part may be absent (null / empty map).
 *
 * @param usersText   the qtusers file
 * @param groupsText  the qtgroups file
 * @param qtaccess    qtaccess file text by media folder ("" = the media root)
 */
public record DarwinFiles(String usersText, String groupsText, Map<String, String> qtaccess) {

    public DarwinFiles {
        qtaccess = qtaccess == null ? Map.of() : Map.copyOf(qtaccess);
    }
}
