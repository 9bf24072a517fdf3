package org.tributary.it.live;

import org.tributary.it.support.Tools;

import java.util.ArrayList;
import java.util.List;

/** The frames ffmpeg's framemd5 listing shows for one stream: presentation times and durations in seconds. */
public final class Framemd5 {

    private final List<double[]> frames = new ArrayList<>();

    private Framemd5() {
    }

    /** @param stream the stream index in the listing */
    public static Framemd5 of(Tools.Result listing, int stream) {
        Framemd5 parsed = new Framemd5();
        double timeBase = 0;
        for (String line : listing.lines()) {
            if (line.startsWith("#tb " + stream + ":")) {
                String[] fraction = line.substring(line.indexOf(':') + 1).trim().split("/");
                timeBase = Double.parseDouble(fraction[0]) / Double.parseDouble(fraction[1]);
            } else if (!line.startsWith("#") && !line.isBlank()
                    && Integer.parseInt(line.substring(0, line.indexOf(',')).trim()) == stream) {
                String[] fields = line.split(",");
                parsed.frames.add(new double[] {Long.parseLong(fields[2].trim()) * timeBase,
                        Long.parseLong(fields[3].trim()) * timeBase});
            }
        }
        return parsed;
    }

    /** Frames within {@code seconds} of the first one's presentation time: what a viewer decoded from its first picture. */
    int framesWithin(double seconds) {
        if (frames.isEmpty()) {
            return 0;
        }
        double first = frames.get(0)[0];
        return (int) frames.stream().filter(f -> f[0] - first < seconds).count();
    }

    /** Each frame's presentation time in seconds, in output order. */
    public List<Double> presentationTimes() {
        return frames.stream().map(f -> f[0]).toList();
    }

    /** Seconds of media decoded: the frames' durations summed. */
    double seconds() {
        return frames.stream().mapToDouble(f -> f[1]).sum();
    }
}
