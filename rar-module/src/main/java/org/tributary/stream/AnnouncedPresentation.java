package org.tributary.stream;

import org.tributary.rtp.StaticPayloadTypes;
import org.tributary.sdp.Bandwidth;
import org.tributary.sdp.MediaDescription;
import org.tributary.sdp.SdpParseException;
import org.tributary.sdp.SdpParser;
import org.tributary.sdp.SessionDescription;
import org.tributary.source.SourceTrack;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a publisher's SDP (the body of its ANNOUNCE, or an {@code .sdp} file describing a live source)
 * announces: one track per m= line, relayed byte for byte, with the attributes viewers need (rtpmap,
 * fmtp, ...) and without what only concerned the publisher's side (its control URLs, addresses,
 * direction, RTCP ports). Each track keeps the control name the publisher uses to SET it UP.
 *
 * @param sessionName the announced s= line, for people
 * @param tracks      the tracks, in m= order
 * @param controls    per track, the announced {@code a=control} value (a relative name such as
 *                    {@code streamid=0} or an absolute URL), or null when none was given
 */
public record AnnouncedPresentation(String sessionName, List<SourceTrack> tracks, List<String> controls) {

    /** Media attributes that describe the publisher's transport, not the media: never passed on to viewers. */
    private static final Set<String> NOT_PASSED_ON = Set.of("control", "range", "sendonly", "recvonly", "sendrecv",
            "inactive", "rtcp", "rtcp-mux", "rtcp-fb", "ssrc", "ssrc-group", "mid", "setup", "connection",
            "candidate", "ice-ufrag", "ice-pwd", "ice-options", "fingerprint", "crypto", "extmap");

    public AnnouncedPresentation {
        tracks = List.copyOf(tracks);
        controls = java.util.Collections.unmodifiableList(new ArrayList<>(controls));
    }

    /**
     * @throws IllegalArgumentException with a message for people: malformed SDP (naming the line), no
     *                                  RTP media, or a dynamic payload type without an rtpmap
     */
    public static AnnouncedPresentation parse(String sdpText) {
        SessionDescription sdp;
        try {
            sdp = SdpParser.parse(sdpText);
        } catch (SdpParseException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        return of(sdp);
    }

    /** @throws IllegalArgumentException as {@link #parse} */
    public static AnnouncedPresentation of(SessionDescription sdp) {
        List<SourceTrack> tracks = new ArrayList<>();
        List<String> controls = new ArrayList<>();
        for (MediaDescription media : sdp.media()) {
            if (!media.protocol().toUpperCase(Locale.ROOT).startsWith("RTP/")) {
                throw new IllegalArgumentException("m=" + media.media() + " uses " + media.protocol()
                        + ": only RTP media can be published");
            }
            if (media.formats().isEmpty()) {
                throw new IllegalArgumentException("m=" + media.media() + " names no payload type");
            }
            tracks.add(track(tracks.size(), media));
            controls.add(media.control().orElse(null));
        }
        if (tracks.isEmpty()) {
            throw new IllegalArgumentException("the SDP announces no media (no m= line)");
        }
        String name = sdp.sessionName() == null || sdp.sessionName().isBlank() ? "live" : sdp.sessionName().strip();
        return new AnnouncedPresentation(name, tracks, controls);
    }

    private static SourceTrack track(int index, MediaDescription media) {
        int payloadType;
        try {
            payloadType = Integer.parseInt(media.formats().get(0));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("m=" + media.media() + " payload type '" + media.formats().get(0)
                    + "' is not a number");
        }
        if (payloadType < 0 || payloadType > 127) {
            throw new IllegalArgumentException("m=" + media.media() + " payload type " + payloadType + " is out of range");
        }
        String codec;
        int clockRate;
        Optional<String> rtpmap = rtpmapOf(media, payloadType);
        if (rtpmap.isPresent()) {
            // "<encoding name>/<clock rate>[/<encoding parameters>]"
            String[] parts = rtpmap.get().split("/");
            codec = parts[0].strip();
            try {
                clockRate = parts.length > 1 ? Integer.parseInt(parts[1].strip()) : -1;
            } catch (NumberFormatException e) {
                clockRate = -1;
            }
            if (codec.isEmpty() || clockRate <= 0) {
                throw new IllegalArgumentException("m=" + media.media() + " has a malformed a=rtpmap:" + payloadType
                        + " " + rtpmap.get());
            }
        } else {
            StaticPayloadTypes.Encoding encoding = StaticPayloadTypes.of(payloadType).orElseThrow(() ->
                    new IllegalArgumentException("m=" + media.media() + " payload type " + payloadType
                            + " is dynamic but has no a=rtpmap"));
            codec = encoding.name();
            clockRate = encoding.clockRate();
        }
        long kbps = media.bandwidths().stream().filter(b -> b.type().equalsIgnoreCase("AS"))
                .mapToLong(Bandwidth::value).findFirst().orElse(0);
        List<String> attributes = new ArrayList<>();
        media.attributes().stream()
                .filter(a -> !NOT_PASSED_ON.contains(a.name().toLowerCase(Locale.ROOT)))
                .forEach(a -> attributes.add(a.value() == null ? a.name() : a.name() + ":" + a.value()));
        return new SourceTrack(index, media.media(), payloadType, clockRate, codec, kbps, attributes);
    }

    /** The rtpmap value after the payload type ("H264/90000"), if the media has one for it. */
    private static Optional<String> rtpmapOf(MediaDescription media, int payloadType) {
        String prefix = payloadType + " ";
        return media.attributes().stream()
                .filter(a -> a.name().equalsIgnoreCase("rtpmap") && a.value() != null)
                .map(a -> a.value().strip())
                .filter(v -> v.startsWith(prefix))
                .map(v -> v.substring(prefix.length()).strip())
                .findFirst();
    }

    /**
     * The track a publisher's SETUP names by the last segment of its URL: an announced control (relative,
     * or the tail of an absolute one), or -1.
     */
    public int trackOfControl(String segment) {
        for (int i = 0; i < controls.size(); i++) {
            String control = controls.get(i);
            if (control != null && (control.equals(segment) || control.endsWith("/" + segment))) {
                return i;
            }
        }
        return -1;
    }

    /** Key-frame knowledge for the announced tracks: join points where the codec has them. */
    public KeyFrames keyFrames() {
        return KeyFrames.detecting(tracks);
    }

    /** The codecs, for people: "H264, MPEG4-GENERIC". */
    public String codecs() {
        return String.join(", ", tracks.stream().map(SourceTrack::codec).toList());
    }

}
