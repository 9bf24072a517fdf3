package org.tributary.mp3http;

/**
 * What a station's listeners are told about it in the response headers.
 *
 * @param name        {@code icy-name}: the station's title
 * @param genre       {@code icy-genre}, or null
 * @param description {@code icy-description}, or null
 */
public record StationHeaders(String name, String genre, String description) {

    public StationHeaders {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a station needs a name");
        }
    }
}
