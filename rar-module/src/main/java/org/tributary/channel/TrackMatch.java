package org.tributary.channel;

import org.tributary.rtp.payload.PayloadFormat;
import org.tributary.rtp.payload.h264.SequenceParameterSet;
import org.tributary.rtp.payload.h265.HevcSequenceParameterSet;
import org.tributary.source.SourceTrack;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Whether an item's tracks can follow the channel's without a new SDP (Darwin's {@code -p} preflight): the same
 * tracks in the same order, each with the same codec, clock, payload type and rtpmap, and the same picture
 * (H.264/H.265: profile and size from the SPS; other parameter sets may differ, because the packetizer sends
 * each item's own in band before its key frames) or, for every other codec, the same fmtp (for AAC it holds
 * sample rate, channels and object type).
 */
final class TrackMatch {

    private TrackMatch() {
    }

    /** One line per difference, each naming the item; empty when the item can follow. */
    static List<String> differences(String item, List<SourceTrack> channel, List<SourceTrack> tracks) {
        List<String> out = new ArrayList<>();
        if (channel.size() != tracks.size()) {
            out.add(item + ": has " + describe(tracks) + ", the channel has " + describe(channel));
            return out;
        }
        for (int i = 0; i < channel.size(); i++) {
            SourceTrack want = channel.get(i);
            SourceTrack have = tracks.get(i);
            String where = item + ": track " + (i + 1) + " (" + have.media() + ")";
            if (!want.media().equals(have.media())) {
                out.add(where + " is " + have.media() + ", the channel's is " + want.media());
            } else if (!want.codec().equalsIgnoreCase(have.codec())) {
                out.add(where + " is " + have.codec() + ", the channel's is " + want.codec());
            } else if (want.clockRate() != have.clockRate()) {
                out.add(where + " has an RTP clock of " + have.clockRate() + " Hz, the channel's is " + want.clockRate());
            } else if (want.payloadType() != have.payloadType()) {
                out.add(where + " has payload type " + have.payloadType() + ", the channel's is " + want.payloadType());
            } else if (!Objects.equals(want.rtpmap(), have.rtpmap())) {
                out.add(where + " is '" + have.rtpmap() + "', the channel's is '" + want.rtpmap() + "'");
            } else {
                String picture = pictureDifference(want, have);
                if (picture != null) {
                    out.add(where + " " + picture);
                }
            }
        }
        return out;
    }

    private static String pictureDifference(SourceTrack want, SourceTrack have) {
        String codec = want.codec().toUpperCase(Locale.ROOT);
        String wantFmtp = PayloadFormat.fmtpOf(want.payloadType(), want.sdpAttributes());
        String haveFmtp = PayloadFormat.fmtpOf(have.payloadType(), have.sdpAttributes());
        if (codec.equals("H264") || codec.equals("H265")) {
            String a = picture(codec, wantFmtp);
            String b = picture(codec, haveFmtp);
            if (a != null && b != null) {
                return a.equals(b) ? null : "is " + b + ", the channel's is " + a;
            }
        }
        if (!Objects.equals(wantFmtp, haveFmtp)) {
            return "has the format parameters '" + haveFmtp + "', the channel's are '" + wantFmtp + "'";
        }
        return null;
    }

    /** "main profile 320x180" from the SPS in the fmtp, or null when there is none to read. */
    static String picture(String codec, String fmtp) {
        if (fmtp == null) {
            return null;
        }
        Map<String, String> p = new PayloadFormat(96, codec, 90000, 0, fmtp).parameters();
        try {
            if (codec.equals("H264")) {
                String sets = p.get("sprop-parameter-sets");
                if (sets == null) {
                    return null;
                }
                for (String set : sets.split(",")) {
                    byte[] nal = Base64.getDecoder().decode(set.trim());
                    if (nal.length > 0 && (nal[0] & 0x1F) == 7) {
                        SequenceParameterSet sps = SequenceParameterSet.parse(nal);
                        return "H.264 profile " + sps.profileIdc() + " " + sps.width() + "x" + sps.height();
                    }
                }
                return null;
            }
            String sps = p.get("sprop-sps");
            if (sps == null) {
                return null;
            }
            HevcSequenceParameterSet parsed = HevcSequenceParameterSet.parse(Base64.getDecoder().decode(sps.split(",")[0].trim()));
            return "H.265 profile " + (parsed.profileTierLevel()[0] & 0x1F) + " " + parsed.width() + "x" + parsed.height();
        } catch (IllegalArgumentException e) {
            return null; // unreadable: fall back to comparing the fmtp text
        }
    }

    private static String describe(List<SourceTrack> tracks) {
        if (tracks.isEmpty()) {
            return "no tracks";
        }
        return tracks.size() + (tracks.size() == 1 ? " track (" : " tracks (")
                + String.join(", ", tracks.stream().map(t -> t.media() + " " + t.codec()).toList()) + ")";
    }
}
