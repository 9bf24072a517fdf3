package org.tributary.rtsp.header;

/**
 * Interleaved channel numbers ({@code 0-1} or a single {@code 0}) carried in '$' frames on the RTSP
 * connection; channels lie in {@link HeaderLimits#MIN_CHANNEL}..{@link HeaderLimits#MAX_CHANNEL}.
 */
public record ChannelRange(int first, int last) {

    public ChannelRange {
        if (first < HeaderLimits.MIN_CHANNEL || last > HeaderLimits.MAX_CHANNEL || last < first) {
            throw new IllegalArgumentException("invalid channel range " + first + "-" + last);
        }
    }

    public static ChannelRange of(int channel) {
        return new ChannelRange(channel, channel);
    }

    public static ChannelRange parse(String header, String param, String text) {
        int[] pair = NumberPair.parse(header, param, text, HeaderLimits.MIN_CHANNEL, HeaderLimits.MAX_CHANNEL);
        return new ChannelRange(pair[0], pair[1]);
    }

    public boolean isSingle() {
        return first == last;
    }

    /** The channel RTCP goes on: the second of a pair, or the one after a single channel (may not exist). */
    public int rtcpChannel() {
        return isSingle() ? first + 1 : last;
    }

    /** False for a single channel 255: its RTCP channel would not fit in the frame's one byte. */
    public boolean leavesRoomForRtcp() {
        return rtcpChannel() <= HeaderLimits.MAX_CHANNEL;
    }

    /** Whether the two ranges' RTP or RTCP channels coincide. */
    public boolean sharesChannelWith(ChannelRange other) {
        return first == other.first || first == other.rtcpChannel()
                || rtcpChannel() == other.first || rtcpChannel() == other.rtcpChannel();
    }

    public String format() {
        return NumberPair.format(first, last);
    }
}
