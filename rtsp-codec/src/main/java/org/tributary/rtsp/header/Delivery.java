package org.tributary.rtsp.header;

/** The {@code unicast} / {@code multicast} flag of a transport spec. */
public enum Delivery {
    UNICAST,
    MULTICAST;

    String token() {
        return this == UNICAST ? "unicast" : "multicast";
    }
}
