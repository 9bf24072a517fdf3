package org.tributary.loadtool.rtsp;

import java.util.ArrayList;
import java.util.List;

/** The parts of an SDP description (RFC 4566) an RTSP client needs: tracks, controls, clock rates. */
public final class SdpDescription {
    private final String sessionControl;
    private final List<SdpTrack> tracks;

    private SdpDescription(String sessionControl, List<SdpTrack> tracks) {
        this.sessionControl = sessionControl;
        this.tracks = List.copyOf(tracks);
    }

    public static SdpDescription parse(String sdp) {
        String sessionControl = null;
        List<SdpTrack> tracks = new ArrayList<>();
        String media = null;
        int payloadType = -1;
        String encoding = "";
        int clockRate = -1;
        String control = null;
        for (String raw : sdp.split("\r?\n")) {
            String line = raw.trim();
            if (line.length() < 2 || line.charAt(1) != '=') {
                continue;
            }
            char type = line.charAt(0);
            String value = line.substring(2);
            if (type == 'm') {
                if (media != null) {
                    tracks.add(track(media, payloadType, encoding, clockRate, control));
                }
                String[] parts = value.split("\\s+");
                media = parts[0];
                payloadType = parts.length > 3 ? parseInt(parts[3], -1) : -1;
                encoding = "";
                clockRate = -1;
                control = null;
            } else if (type == 'a' && value.startsWith("control:")) {
                String c = value.substring("control:".length()).trim();
                if (media == null) {
                    sessionControl = c;
                } else {
                    control = c;
                }
            } else if (type == 'a' && value.startsWith("rtpmap:") && media != null) {
                String[] parts = value.substring("rtpmap:".length()).trim().split("\\s+", 2);
                if (parts.length == 2 && parseInt(parts[0], -2) == payloadType) {
                    String[] enc = parts[1].split("/");
                    encoding = enc[0];
                    if (enc.length > 1) {
                        clockRate = parseInt(enc[1], -1);
                    }
                }
            }
        }
        if (media != null) {
            tracks.add(track(media, payloadType, encoding, clockRate, control));
        }
        return new SdpDescription(sessionControl, tracks);
    }

    private static SdpTrack track(String media, int payloadType, String encoding, int clockRate, String control) {
        int rate = clockRate > 0 ? clockRate : staticClockRate(payloadType, media);
        return new SdpTrack(media, payloadType, encoding, rate, control);
    }

    /** Clock rates of the RFC 3551 static payload types; 90 kHz for unknown video, 8 kHz for audio. */
    static int staticClockRate(int payloadType, String media) {
        switch (payloadType) {
            case 0, 3, 4, 5, 7, 8, 9, 12, 13, 15, 18:
                return 8000;
            case 6:
                return 16000;
            case 10, 11:
                return 44100;
            case 16:
                return 11025;
            case 17:
                return 22050;
            case 14, 25, 26, 28, 31, 32, 33, 34:
                return 90000;
            default:
                return "audio".equalsIgnoreCase(media) ? 8000 : 90000;
        }
    }

    private static int parseInt(String s, int fallback) {
        try {
            return Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    public String sessionControl() {
        return sessionControl;
    }

    public List<SdpTrack> tracks() {
        return tracks;
    }
}
