package org.tributary.sdp;

import java.util.Objects;

/** The c= field: {@code IN IP4 224.2.1.1/127}; the address keeps any /ttl/count suffix. */
public record Connection(String netType, String addrType, String address) {

    public Connection {
        Objects.requireNonNull(netType, "netType");
        Objects.requireNonNull(addrType, "addrType");
        Objects.requireNonNull(address, "address");
    }

    public static Connection of(String address) {
        return new Connection("IN", address.contains(":") ? "IP6" : "IP4", address);
    }

    String format() {
        return netType + " " + addrType + " " + address;
    }
}
