package org.tributary.it.live;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the presentation times of the frames GStreamer's {@code identity silent=false} reported. */
public final class GstFrames {

    private static final Pattern PTS = Pattern.compile("identity.*chain.*pts: (\\d+):(\\d\\d):(\\d\\d\\.\\d+)");

    private GstFrames() {
    }

    /** The pts of each decoded frame, in seconds, in output order. */
    public static List<Double> presentationTimes(String gstOutput) {
        List<Double> times = new ArrayList<>();
        for (String line : gstOutput.lines().toList()) {
            Matcher m = PTS.matcher(line);
            if (m.find()) {
                times.add(Integer.parseInt(m.group(1)) * 3600 + Integer.parseInt(m.group(2)) * 60
                        + Double.parseDouble(m.group(3)));
            }
        }
        return times;
    }
}
