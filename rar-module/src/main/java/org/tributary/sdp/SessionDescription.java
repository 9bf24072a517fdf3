package org.tributary.sdp;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A whole SDP session description (RFC 4566 §5).
 *
 * @param version       v=, always 0
 * @param origin        o=; null only for fragments parsed from hinted files (the writer requires it)
 * @param sessionName   s=; null only for parsed fragments (the writer then writes "-"); servers use the file name
 * @param info          i= or null
 * @param uri           u= or null
 * @param emails        e= lines
 * @param phones        p= lines
 * @param connection    session-level c= or null
 * @param bandwidths    session-level b= lines
 * @param timings       t= (with r=) lines; the writer writes {@code t=0 0} when empty
 * @param timeZones     z= or null
 * @param encryptionKey k= or null
 * @param attributes    session-level a= lines in order ({@code control:*}, {@code range:npt=0-12.345}, {@code tool:...})
 * @param media         m= sections in order
 */
public record SessionDescription(int version, Origin origin, String sessionName, String info, String uri,
                                 List<String> emails, List<String> phones, Connection connection,
                                 List<Bandwidth> bandwidths, List<Timing> timings, String timeZones,
                                 String encryptionKey, List<Attribute> attributes, List<MediaDescription> media) {

    public SessionDescription {
        if (version != 0) {
            throw new IllegalArgumentException("SDP version must be 0, not " + version);
        }
        emails = List.copyOf(emails);
        phones = List.copyOf(phones);
        bandwidths = List.copyOf(bandwidths);
        timings = List.copyOf(timings);
        attributes = List.copyOf(attributes);
        media = List.copyOf(media);
    }

    /** A builder with version 0 and {@code t=0 0}. */
    public static Builder builder() {
        return new Builder();
    }

    public Optional<String> attribute(String name) {
        return Attributes.first(attributes, name);
    }

    public boolean hasAttribute(String name) {
        return Attributes.has(attributes, name);
    }

    /** The media section whose {@code a=control} equals {@code control}, e.g. "trackID=2". */
    public Optional<MediaDescription> mediaWithControl(String control) {
        return media.stream().filter(m -> m.control().filter(control::equals).isPresent()).findFirst();
    }

    /** Builds a description; lists keep insertion order. */
    public static final class Builder {
        private Origin origin;
        private String sessionName;
        private String info;
        private String uri;
        private final List<String> emails = new ArrayList<>();
        private final List<String> phones = new ArrayList<>();
        private Connection connection;
        private final List<Bandwidth> bandwidths = new ArrayList<>();
        private final List<Timing> timings = new ArrayList<>();
        private boolean defaultTiming = true;
        private String timeZones;
        private String encryptionKey;
        private final List<Attribute> attributes = new ArrayList<>();
        private final List<MediaDescription> media = new ArrayList<>();

        private Builder() {
        }

        public Builder origin(Origin o) {
            origin = o;
            return this;
        }

        public Builder sessionName(String name) {
            sessionName = name;
            return this;
        }

        public Builder info(String text) {
            info = text;
            return this;
        }

        public Builder uri(String u) {
            uri = u;
            return this;
        }

        public Builder email(String e) {
            emails.add(e);
            return this;
        }

        public Builder phone(String p) {
            phones.add(p);
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

        /** Adds a t= line; the first call replaces the default {@code t=0 0}. */
        public Builder timing(Timing t) {
            defaultTiming = false;
            timings.add(Objects.requireNonNull(t));
            return this;
        }

        /** Adds an r= line to the last t= line. */
        Builder repeat(String r) {
            if (!timings.isEmpty() && !defaultTiming) {
                Timing last = timings.remove(timings.size() - 1);
                List<String> repeats = new ArrayList<>(last.repeats());
                repeats.add(r);
                timings.add(new Timing(last.start(), last.stop(), repeats));
            }
            return this;
        }

        /** Drops the default {@code t=0 0} (for parsed fragments without a t= line). */
        Builder noTiming() {
            defaultTiming = false;
            return this;
        }

        public Builder timeZones(String z) {
            timeZones = z;
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

        public Builder media(MediaDescription m) {
            media.add(Objects.requireNonNull(m));
            return this;
        }

        int mediaCount() {
            return media.size();
        }

        public SessionDescription build() {
            List<Timing> t = defaultTiming ? List.of(Timing.UNBOUNDED) : timings;
            return new SessionDescription(0, origin, sessionName, info, uri, emails, phones, connection,
                    bandwidths, t, timeZones, encryptionKey, attributes, media);
        }
    }
}
