package org.tributary.source.file;

import java.util.ArrayList;
import java.util.List;

/**
 * The SDP fragment a hint track stores (its {@code udta/hnti/sdp } box): the media line, bandwidth and
 * attributes for that one stream. The control attribute is dropped: Tributary names tracks itself.
 *
 * @param media        "video", "audio", ...
 * @param payloadType  the payload type on the m= line
 * @param codec        the encoding name of the rtpmap, or "unknown"
 * @param bitrateKbps  b=AS, or 0
 * @param attributes   the a= lines without "a=", except control
 */
record HintSdp(String media, int payloadType, String codec, long bitrateKbps, List<String> attributes) {

    /** Parses the fragment, or returns null when it has no usable media line. */
    static HintSdp parse(String text) {
        if (text == null) {
            return null;
        }
        String media = null;
        int payloadType = -1;
        String codec = "unknown";
        long kbps = 0;
        List<String> attributes = new ArrayList<>();
        for (String raw : text.split("\r?\n")) {
            String line = raw.trim();
            if (line.startsWith("m=")) {
                String[] f = line.substring(2).split(" +");
                if (f.length < 4) {
                    return null;
                }
                media = f[0];
                try {
                    payloadType = Integer.parseInt(f[3]);
                } catch (NumberFormatException e) {
                    return null;
                }
            } else if (line.startsWith("b=AS:")) {
                try {
                    kbps = Long.parseLong(line.substring(5).trim());
                } catch (NumberFormatException e) {
                    kbps = 0;
                }
            } else if (line.startsWith("a=") && !line.startsWith("a=control:")) {
                String attribute = line.substring(2);
                attributes.add(attribute);
                if (attribute.startsWith("rtpmap:")) {
                    String[] f = attribute.substring(7).split(" +", 2);
                    if (f.length == 2) {
                        codec = f[1].split("/")[0];
                    }
                }
            }
        }
        return media == null || payloadType < 0 ? null : new HintSdp(media, payloadType, codec, kbps, attributes);
    }
}
