package org.tributary.sdp;

import java.util.List;

/**
 * Writes a {@link SessionDescription} as SDP text with CRLF line endings, in the field order of
 * RFC 4566 §5: v o s i u e p c b t r z k a, then per media m i c b k a.
 */
public final class SdpWriter {

    private static final String CRLF = "\r\n";

    private SdpWriter() {
    }

    /**
     * @throws IllegalArgumentException when the description has no origin
     */
    public static String write(SessionDescription sdp) {
        if (sdp.origin() == null) {
            throw new IllegalArgumentException("an SDP description needs an origin (o=)");
        }
        StringBuilder out = new StringBuilder(512);
        line(out, 'v', Integer.toString(sdp.version()));
        line(out, 'o', sdp.origin().format());
        String name = sdp.sessionName();
        line(out, 's', name == null || name.isEmpty() ? "-" : name);
        line(out, 'i', sdp.info());
        line(out, 'u', sdp.uri());
        sdp.emails().forEach(e -> line(out, 'e', e));
        sdp.phones().forEach(p -> line(out, 'p', p));
        line(out, 'c', sdp.connection() == null ? null : sdp.connection().format());
        bandwidths(out, sdp.bandwidths());
        if (sdp.timings().isEmpty()) {
            line(out, 't', "0 0");
        }
        for (Timing t : sdp.timings()) {
            line(out, 't', t.start() + " " + t.stop());
            t.repeats().forEach(r -> line(out, 'r', r));
        }
        line(out, 'z', sdp.timeZones());
        line(out, 'k', sdp.encryptionKey());
        attributes(out, sdp.attributes());
        for (MediaDescription m : sdp.media()) {
            media(out, m);
        }
        return out.toString();
    }

    private static void media(StringBuilder out, MediaDescription m) {
        StringBuilder mline = new StringBuilder(m.media()).append(' ').append(m.port());
        if (m.portCount() != null) {
            mline.append('/').append(m.portCount());
        }
        mline.append(' ').append(m.protocol());
        m.formats().forEach(f -> mline.append(' ').append(f));
        line(out, 'm', mline.toString());
        line(out, 'i', m.info());
        line(out, 'c', m.connection() == null ? null : m.connection().format());
        bandwidths(out, m.bandwidths());
        line(out, 'k', m.encryptionKey());
        attributes(out, m.attributes());
    }

    private static void bandwidths(StringBuilder out, List<Bandwidth> bandwidths) {
        bandwidths.forEach(b -> line(out, 'b', b.format()));
    }

    private static void attributes(StringBuilder out, List<Attribute> attributes) {
        attributes.forEach(a -> line(out, 'a', a.format()));
    }

    private static void line(StringBuilder out, char type, String value) {
        if (value != null) {
            out.append(type).append('=').append(value).append(CRLF);
        }
    }
}
