package org.tributary.mp3http;

import org.tributary.media.mp3.Mp3File;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The bytes an HTTP listener gets for an MP3 file: the Xing/Info tag frame when the file has one (so
 * players know the encoder delay and padding and play gaplessly), then every audio frame; ID3 tags and junk
 * between frames are left out. Positions in this body are what {@code Range} and {@code Content-Length}
 * speak of. Unit −1 is the tag frame, 0..n−1 the audio frames.
 */
final class Mp3Body {

    /** The unit that is the tag frame. */
    static final int TAG = -1;

    private final Mp3File file;
    private final int tagSize;
    /** starts[i] is where audio frame i begins in the body; starts[n] is the body's length. */
    private final long[] starts;

    Mp3Body(Mp3File file) {
        this.file = file;
        this.tagSize = file.vbrTagSize();
        int n = file.frameCount();
        this.starts = new long[n + 1];
        long at = tagSize;
        for (int i = 0; i < n; i++) {
            starts[i] = at;
            at += file.frameSize(i);
        }
        starts[n] = at;
    }

    long length() {
        return starts[starts.length - 1];
    }

    /** The first unit to send: the tag frame when there is one. */
    int firstUnit() {
        return tagSize > 0 ? TAG : 0;
    }

    /** One past the last unit. */
    int endUnit() {
        return file.frameCount();
    }

    /** The unit holding body byte {@code position} (0 ≤ position &lt; length). */
    int unitAt(long position) {
        if (position < tagSize) {
            return TAG;
        }
        int i = Arrays.binarySearch(starts, 0, starts.length - 1, position);
        return i >= 0 ? i : -i - 2;
    }

    long start(int unit) {
        return unit == TAG ? 0 : starts[unit];
    }

    int size(int unit) {
        return unit == TAG ? tagSize : file.frameSize(unit);
    }

    /** When the unit is due, in seconds of the file; the tag frame goes with the first audio frame. */
    double time(int unit) {
        return unit == TAG ? 0 : file.frameTimeSeconds(unit);
    }

    void read(int unit, ByteBuffer dst) throws IOException {
        if (unit == TAG) {
            file.readVbrTag(dst);
        } else {
            file.readFrame(unit, dst);
        }
    }
}
