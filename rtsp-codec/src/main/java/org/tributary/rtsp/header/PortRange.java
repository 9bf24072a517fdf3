package org.tributary.rtsp.header;

/**
 * A UDP port pair as written in Transport ({@code 5000-5001}) or a single port ({@code 5000}, first == last).
 * Ports lie in {@link HeaderLimits#MIN_PORT}..{@link HeaderLimits#MAX_PORT}.
 */
public record PortRange(int first, int last) {

    public PortRange {
        if (first < HeaderLimits.MIN_PORT || last > HeaderLimits.MAX_PORT || last < first) {
            throw new IllegalArgumentException("invalid port range " + first + "-" + last);
        }
    }

    public static PortRange of(int port) {
        return new PortRange(port, port);
    }

    /** Parses {@code text}; errors name {@code header} and {@code param}, e.g. "Transport: invalid client_port '0'". */
    public static PortRange parse(String header, String param, String text) {
        int[] pair = NumberPair.parse(header, param, text, HeaderLimits.MIN_PORT, HeaderLimits.MAX_PORT);
        return new PortRange(pair[0], pair[1]);
    }

    public boolean isSingle() {
        return first == last;
    }

    public String format() {
        return NumberPair.format(first, last);
    }
}
