package org.tributary.rtsp.header;

import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The Transport header: comma-separated alternatives in the client's order of preference
 * (RFC 2326 §12.39). The server serves the first one it supports, see {@link #selectFirst(Predicate)}.
 */
public record Transport(List<TransportSpec> specs) {

    public static final String HEADER = "Transport";

    public Transport {
        specs = List.copyOf(specs);
        if (specs.isEmpty()) {
            throw new IllegalArgumentException("a Transport needs at least one spec");
        }
    }

    public static Transport of(TransportSpec... specs) {
        return new Transport(List.of(specs));
    }

    public static Transport parse(String value) {
        List<String> pieces = HeaderParams.split(HEADER, HeaderParams.requireValue(HEADER, value), ',');
        if (pieces.isEmpty()) {
            throw new HeaderParseException(HEADER, "empty value");
        }
        if (pieces.size() > HeaderLimits.MAX_TRANSPORT_SPECS) {
            throw new HeaderParseException(HEADER,
                    "more than " + HeaderLimits.MAX_TRANSPORT_SPECS + " transport specs");
        }
        return new Transport(pieces.stream().map(TransportSpec::parse).collect(Collectors.toList()));
    }

    public TransportSpec first() {
        return specs.get(0);
    }

    /**
     * The first alternative {@code supported} accepts.
     *
     * @throws UnsupportedTransportException (461) when none does
     */
    public TransportSpec selectFirst(Predicate<TransportSpec> supported) {
        return specs.stream().filter(supported).findFirst().orElseThrow(
                () -> new UnsupportedTransportException("no supported transport in '" + format() + "'"));
    }

    public String format() {
        return specs.stream().map(TransportSpec::format).collect(Collectors.joining(","));
    }
}
