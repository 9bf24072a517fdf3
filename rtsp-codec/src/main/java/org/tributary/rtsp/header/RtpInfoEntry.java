package org.tributary.rtsp.header;

import java.util.Objects;

/**
 * One stream of an RTP-Info header: its URL and the RTP sequence number and timestamp of the first packet
 * sent after PLAY.
 *
 * @param url     the stream URL (e.g. {@code rtsp://h/f/trackID=1})
 * @param seq     first sequence number 0..65535, or null
 * @param rtptime first RTP timestamp 0..2^32-1, or null
 */
public record RtpInfoEntry(String url, Integer seq, Long rtptime) {

    public RtpInfoEntry {
        Objects.requireNonNull(url, "url");
        if (seq != null && (seq < 0 || seq > 0xFFFF)) {
            throw new IllegalArgumentException("seq out of range: " + seq);
        }
        if (rtptime != null && (rtptime < 0 || rtptime > 0xFFFFFFFFL)) {
            throw new IllegalArgumentException("rtptime out of range: " + rtptime);
        }
    }

    public String format() {
        StringBuilder out = new StringBuilder("url=").append(url);
        if (seq != null) {
            out.append(";seq=").append(seq);
        }
        if (rtptime != null) {
            out.append(";rtptime=").append(rtptime);
        }
        return out.toString();
    }
}
