package org.tributary.sdp;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An m= section: {@code m=<media> <port>[/<count>] <proto> <fmt> ...} followed by its i=, c=, b=, k= and a= lines.
 *
 * @param media         "video", "audio", "application", ...
 * @param port          transport port; 0 in RTSP descriptions (ports are negotiated by SETUP)
 * @param portCount     the /count suffix, or null
 * @param protocol      "RTP/AVP", ...
 * @param formats       payload types or other format tokens, in order
 * @param info          i= text or null
 * @param connection    c= or null
 * @param bandwidths    b= lines in order
 * @param encryptionKey k= text or null
 * @param attributes    a= lines in order ({@code rtpmap}, {@code fmtp}, {@code control}, ...)
 */
public record MediaDescription(String media, int port, Integer portCount, String protocol, List<String> formats,
                               String info, Connection connection, List<Bandwidth> bandwidths,
                               String encryptionKey, List<Attribute> attributes) {

    public MediaDescription {
        Objects.requireNonNull(media, "media");
        Objects.requireNonNull(protocol, "protocol");
        formats = List.copyOf(formats);
        bandwidths = List.copyOf(bandwidths);
        attributes = List.copyOf(attributes);
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("invalid media port " + port);
        }
    }

    public static Builder builder(String media, int port, String protocol, String... formats) {
        return new Builder(media, port, protocol, List.of(formats));
    }

    /** The value of the first attribute with this name (empty for a missing or value-less one). */
    public Optional<String> attribute(String name) {
        return Attributes.first(attributes, name);
    }

    public boolean hasAttribute(String name) {
        return Attributes.has(attributes, name);
    }

    /** The {@code a=control:} value, e.g. {@code trackID=1}. */
    public Optional<String> control() {
        return attribute("control");
    }

    /** Builds a media description; attributes keep the order they are added in. */
    public static final class Builder {
        private final String media;
        private final int port;
        private Integer portCount;
        private final String protocol;
        private final List<String> formats;
        private String info;
        private Connection connection;
        private final List<Bandwidth> bandwidths = new ArrayList<>();
        private String encryptionKey;
        private final List<Attribute> attributes = new ArrayList<>();

        Builder(String media, int port, String protocol, List<String> formats) {
            this.media = media;
            this.port = port;
            this.protocol = protocol;
            this.formats = new ArrayList<>(formats);
        }

        public Builder portCount(Integer count) {
            portCount = count;
            return this;
        }

        public Builder info(String text) {
            info = text;
            return this;
        }

        public Builder connection(Connection c) {
            connection = c;
            return this;
        }

        public Builder bandwidth(Bandwidth b) {
            bandwidths.add(b);
            return this;
        }

        public Builder encryptionKey(String k) {
            encryptionKey = k;
            return this;
        }

        public Builder attribute(String name, String value) {
            attributes.add(new Attribute(name, value));
            return this;
        }

        public Builder attribute(Attribute a) {
            attributes.add(a);
            return this;
        }

        boolean hasConnection() {
            return connection != null;
        }

        public MediaDescription build() {
            return new MediaDescription(media, port, portCount, protocol, formats, info, connection, bandwidths,
                    encryptionKey, attributes);
        }
    }
}
