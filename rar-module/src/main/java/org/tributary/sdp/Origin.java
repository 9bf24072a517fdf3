package org.tributary.sdp;

import java.util.Objects;

/**
 * The o= field: {@code o=<username> <sess-id> <sess-version> <nettype> <addrtype> <unicast-address>}.
 * Session id and version are kept as text because some writers exceed 64-bit numbers.
 */
public record Origin(String username, String sessionId, String sessionVersion, String netType, String addrType,
                     String address) {

    public Origin {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(sessionVersion, "sessionVersion");
        Objects.requireNonNull(netType, "netType");
        Objects.requireNonNull(addrType, "addrType");
        Objects.requireNonNull(address, "address");
    }

    /** {@code o=- <id> <version> IN IP4|IP6 <address>}, the address type chosen from the address. */
    public static Origin of(String sessionId, String sessionVersion, String address) {
        return new Origin("-", sessionId, sessionVersion, "IN", address.contains(":") ? "IP6" : "IP4", address);
    }

    String format() {
        return String.join(" ", username, sessionId, sessionVersion, netType, addrType, address);
    }
}
