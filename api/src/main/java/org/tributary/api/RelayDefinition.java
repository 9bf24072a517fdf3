package org.tributary.api;

import java.io.Serializable;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A relay as the console stores it and the adapter runs it.
 *
 * <p>A <b>pull</b> relay serves, at {@code path} on this server, a live stream read from {@code url} on another
 * server (an IP camera, another Tributary, gst-rtsp-server, Darwin, live555). A <b>push</b> relay announces the
 * live stream at {@code path} on this server to {@code url} on another server (ANNOUNCE/RECORD).
 *
 * @param name           its name, also its key: 1 to 64 letters, digits, '.', '_' or '-'
 * @param direction      pull or push
 * @param path           the path on this server, relative to the media root
 * @param url            the other server's rtsp:// URL, without credentials
 * @param user           the user name given to the other server, or null
 * @param password       its password, or null; never shown back by the console or the API
 * @param transport      how RTP travels between the servers: "tcp" (interleaved) or "udp"
 * @param onDemand       pull only: started by the first viewer and stopped {@code lingerSeconds} after the
 *                       last; false keeps it connected always
 * @param lingerSeconds  how long an on-demand relay stays connected with no viewer
 * @param enabled        false keeps the definition but runs nothing
 */
public record RelayDefinition(String name, Direction direction, String path, String url, String user,
                              String password, String transport, boolean onDemand, int lingerSeconds,
                              boolean enabled) implements Serializable {

    public enum Direction { PULL, PUSH }

    public static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    public RelayDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(transport, "transport");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a relay name is 1 to 64 letters, digits, '.', '_' or '-', not '"
                    + name + "'");
        }
        if (!url.startsWith("rtsp://") && !url.startsWith("rtsps://")) {
            throw new IllegalArgumentException("a relay's URL is rtsp://host[:port]/path, not '" + url + "'");
        }
        if (!transport.equals("tcp") && !transport.equals("udp")) {
            throw new IllegalArgumentException("a relay's transport is tcp or udp, not '" + transport + "'");
        }
        if (lingerSeconds < 0) {
            throw new IllegalArgumentException("the linger cannot be negative: " + lingerSeconds);
        }
    }

    @Override
    public String toString() { // never the password
        return "RelayDefinition[" + name + " " + direction + " " + path + " " + url + " " + transport + "]";
    }
}
