package org.tributary.source;

import java.util.List;

/**
 * One stream of a presentation as the SDP describes it.
 *
 * @param index          position in {@link MediaSource#tracks()}; the SDP control is {@code trackID=index+1}
 * @param media          "video", "audio" or "application"
 * @param payloadType    the RTP payload type of its packets
 * @param clockRate      the RTP clock rate
 * @param codec          the codec, for people ("H264", "MPEG4-GENERIC", "MPA", ...)
 * @param bitrateKbps    average bit rate, 0 when unknown
 * @param sdpAttributes  media-level SDP attribute lines without "a=" (rtpmap, fmtp, ...), control excluded
 */
public record SourceTrack(int index, String media, int payloadType, int clockRate, String codec, long bitrateKbps,
                          List<String> sdpAttributes) {

    public SourceTrack {
        sdpAttributes = List.copyOf(sdpAttributes);
    }

    /** The text after {@code rtpmap:<pt> } ("H264/90000", "MPEG4-GENERIC/48000/2"), or null when there is none. */
    public String rtpmap() {
        String prefix = "rtpmap:" + payloadType + " ";
        for (String attribute : sdpAttributes) {
            if (attribute.startsWith(prefix)) {
                return attribute.substring(prefix.length()).trim();
            }
        }
        return null;
    }

    /** The rtpmap's encoding name ("MPEG4-GENERIC"), what payload formats are chosen by; else the codec. */
    public String encodingName() {
        String rtpmap = rtpmap();
        if (rtpmap == null || rtpmap.isEmpty()) {
            return codec;
        }
        int slash = rtpmap.indexOf('/');
        return slash < 0 ? rtpmap : rtpmap.substring(0, slash);
    }

    public String control() {
        return "trackID=" + (index + 1);
    }
}
