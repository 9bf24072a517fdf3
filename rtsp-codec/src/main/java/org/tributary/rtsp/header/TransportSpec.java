package org.tributary.rtsp.header;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One alternative of a Transport header (RFC 2326 §12.39), e.g. {@code RTP/AVP/TCP;unicast;interleaved=0-1}.
 *
 * @param protocol               transport protocol, upper case ("RTP"; anything else is kept but {@link #isRtp()} is false)
 * @param profile                profile, upper case ("AVP")
 * @param lowerTransport         "UDP" or "TCP" (upper case; other values kept as received)
 * @param lowerTransportExplicit whether the lower transport was written ({@code RTP/AVP/UDP} vs {@code RTP/AVP})
 * @param delivery               unicast / multicast, or null when neither flag was sent
 * @param destination            destination address; "" for a bare {@code destination} flag; null when absent
 * @param source                 source address or null
 * @param port                   multicast {@code port=}, or null
 * @param clientPort             {@code client_port=}, or null
 * @param serverPort             {@code server_port=}, or null
 * @param interleaved            {@code interleaved=} channels, or null
 * @param ttl                    multicast time-to-live 0..255, or null
 * @param ssrc                   32-bit SSRC (0..0xFFFFFFFF), or null
 * @param mode                   PLAY or RECORD, or null when not sent (meaning PLAY, see {@link #effectiveMode()})
 * @param append                 the {@code append} flag
 * @param otherParams            parameters not interpreted here, in the order received
 */
public record TransportSpec(
        String protocol,
        String profile,
        String lowerTransport,
        boolean lowerTransportExplicit,
        Delivery delivery,
        String destination,
        String source,
        PortRange port,
        PortRange clientPort,
        PortRange serverPort,
        ChannelRange interleaved,
        Integer ttl,
        Long ssrc,
        TransportMode mode,
        boolean append,
        List<TransportParam> otherParams) {

    private static final String H = Transport.HEADER;

    public TransportSpec {
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(lowerTransport, "lowerTransport");
        otherParams = List.copyOf(otherParams);
    }

    /** A builder starting from a transport id such as {@code RTP/AVP} or {@code RTP/AVP/TCP}. */
    public static Builder builder(String transportId) {
        return new Builder(transportId);
    }

    /** Parses one transport spec (no commas). */
    public static TransportSpec parse(String value) {
        List<String> pieces = HeaderParams.split(H, HeaderParams.requireValue(H, value), ';');
        if (pieces.isEmpty()) {
            throw new HeaderParseException(H, "empty transport spec");
        }
        Builder b = new Builder(pieces.get(0));
        for (String piece : pieces.subList(1, pieces.size())) {
            b.param(HeaderParams.param(H, piece));
        }
        return b.build();
    }

    public boolean isRtp() {
        return protocol.equals("RTP");
    }

    public boolean isTcp() {
        return lowerTransport.equals("TCP");
    }

    public boolean isUdp() {
        return lowerTransport.equals("UDP");
    }

    /** True only when {@code multicast} was stated; clients that omit the flag expect unicast in practice. */
    public boolean isMulticast() {
        return delivery == Delivery.MULTICAST;
    }

    public TransportMode effectiveMode() {
        return mode == null ? TransportMode.PLAY : mode;
    }

    /** {@code RTP/AVP}, {@code RTP/AVP/UDP} or {@code RTP/AVP/TCP}, as received. */
    public String transportId() {
        String id = protocol + "/" + profile;
        return lowerTransportExplicit || !lowerTransport.equals("UDP") ? id + "/" + lowerTransport : id;
    }

    /** The value of an uninterpreted parameter (case-insensitive name), or null. */
    public String otherParam(String name) {
        for (TransportParam p : otherParams) {
            if (p.name().equalsIgnoreCase(name)) {
                return p.value();
            }
        }
        return null;
    }

    public String format() {
        StringBuilder out = new StringBuilder(transportId());
        if (delivery != null) {
            out.append(';').append(delivery.token());
        }
        if (destination != null) {
            out.append(destination.isEmpty() ? ";destination" : ";destination=" + HeaderParams.quoteIfNeeded(destination));
        }
        appendIf(out, "source", source == null ? null : HeaderParams.quoteIfNeeded(source));
        appendIf(out, "interleaved", interleaved == null ? null : interleaved.format());
        if (append) {
            out.append(";append");
        }
        appendIf(out, "ttl", ttl == null ? null : ttl.toString());
        appendIf(out, "port", port == null ? null : port.format());
        appendIf(out, "client_port", clientPort == null ? null : clientPort.format());
        appendIf(out, "server_port", serverPort == null ? null : serverPort.format());
        appendIf(out, "ssrc", ssrc == null ? null : Numerals.hex8(ssrc));
        appendIf(out, "mode", mode == null ? null : mode.name());
        for (TransportParam p : otherParams) {
            out.append(';').append(p.format());
        }
        return out.toString();
    }

    private static void appendIf(StringBuilder out, String name, String value) {
        if (value != null) {
            out.append(';').append(name).append('=').append(value);
        }
    }

    /** Copy with a different server port (for SETUP responses). */
    public TransportSpec withServerPort(PortRange newServerPort) {
        return toBuilder().serverPort(newServerPort).build();
    }

    /** Copy with different interleaved channels (when the server reassigns them). */
    public TransportSpec withInterleaved(ChannelRange channels) {
        return toBuilder().interleaved(channels).build();
    }

    public Builder toBuilder() {
        Builder b = new Builder(transportId());
        b.lowerTransportExplicit = lowerTransportExplicit;
        b.delivery = delivery;
        b.destination = destination;
        b.source = source;
        b.port = port;
        b.clientPort = clientPort;
        b.serverPort = serverPort;
        b.interleaved = interleaved;
        b.ttl = ttl;
        b.ssrc = ssrc;
        b.mode = mode;
        b.append = append;
        b.otherParams.addAll(otherParams);
        return b;
    }

    /** Mutable helper for building a spec in code and while parsing. */
    public static final class Builder {
        private final String protocol;
        private final String profile;
        private final String lowerTransport;
        private boolean lowerTransportExplicit;
        private Delivery delivery;
        private String destination;
        private String source;
        private PortRange port;
        private PortRange clientPort;
        private PortRange serverPort;
        private ChannelRange interleaved;
        private Integer ttl;
        private Long ssrc;
        private TransportMode mode;
        private boolean append;
        private final List<TransportParam> otherParams = new ArrayList<>();

        private Builder(String transportId) {
            String id = transportId.trim();
            String[] parts = id.split("/", -1);
            if (parts.length < 2 || parts.length > 3) {
                throw new HeaderParseException(H, "invalid transport protocol '" + id + "'");
            }
            for (String part : parts) {
                // ASCII only: trim() drops control characters, and the tokens are echoed in the reply.
                String token = part.trim();
                if (token.isEmpty() || !token.chars().allMatch(c -> c < 128 && (Character.isLetterOrDigit(c) || c == '-' || c == '_'))) {
                    throw new HeaderParseException(H, "invalid transport protocol '" + id + "'");
                }
            }
            protocol = parts[0].trim().toUpperCase(Locale.ROOT);
            profile = parts[1].trim().toUpperCase(Locale.ROOT);
            lowerTransportExplicit = parts.length == 3;
            lowerTransport = lowerTransportExplicit ? parts[2].trim().toUpperCase(Locale.ROOT) : "UDP";
        }

        void param(HeaderParams.Param p) {
            String v = p.value();
            switch (p.key()) {
                case "unicast" -> delivery = Delivery.UNICAST;
                case "multicast" -> delivery = Delivery.MULTICAST;
                case "destination" -> destination = v == null ? "" : HeaderParams.unquote(H, v);
                case "source" -> source = HeaderParams.unquote(H, HeaderParams.requireParamValue(H, p));
                case "interleaved" -> interleaved = ChannelRange.parse(H, "interleaved", v);
                case "append" -> append = true;
                case "ttl" -> ttl = HeaderParams.integer(H, "ttl", v, 0, 255);
                case "port" -> port = PortRange.parse(H, "port", v);
                case "client_port" -> clientPort = PortRange.parse(H, "client_port", v);
                case "server_port" -> serverPort = PortRange.parse(H, "server_port", v);
                case "ssrc" -> ssrc = HeaderParams.hex(H, "ssrc", v, 8);
                case "mode" -> mode = TransportMode.parse(HeaderParams.requireParamValue(H, p));
                default -> otherParams.add(new TransportParam(p.name(), v));
            }
        }

        public Builder delivery(Delivery d) {
            delivery = d;
            return this;
        }

        public Builder unicast() {
            return delivery(Delivery.UNICAST);
        }

        public Builder multicast() {
            return delivery(Delivery.MULTICAST);
        }

        public Builder destination(String d) {
            destination = d;
            return this;
        }

        public Builder source(String s) {
            source = s;
            return this;
        }

        public Builder port(PortRange p) {
            port = p;
            return this;
        }

        public Builder clientPort(int first, int last) {
            return clientPort(new PortRange(first, last));
        }

        public Builder clientPort(PortRange p) {
            clientPort = p;
            return this;
        }

        public Builder serverPort(int first, int last) {
            return serverPort(new PortRange(first, last));
        }

        public Builder serverPort(PortRange p) {
            serverPort = p;
            return this;
        }

        public Builder interleaved(int first, int last) {
            return interleaved(new ChannelRange(first, last));
        }

        public Builder interleaved(ChannelRange c) {
            interleaved = c;
            return this;
        }

        public Builder ttl(Integer t) {
            ttl = t;
            return this;
        }

        public Builder ssrc(Long s) {
            ssrc = s;
            return this;
        }

        public Builder mode(TransportMode m) {
            mode = m;
            return this;
        }

        public Builder append(boolean a) {
            append = a;
            return this;
        }

        public Builder otherParam(String name, String value) {
            otherParams.add(new TransportParam(name, value));
            return this;
        }

        public TransportSpec build() {
            return new TransportSpec(protocol, profile, lowerTransport, lowerTransportExplicit, delivery,
                    destination, source, port, clientPort, serverPort, interleaved, ttl, ssrc, mode, append,
                    otherParams);
        }
    }
}
