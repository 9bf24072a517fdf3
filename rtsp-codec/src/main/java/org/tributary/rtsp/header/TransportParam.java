package org.tributary.rtsp.header;

/**
 * A transport parameter Tributary does not interpret (e.g. Darwin's {@code x-retransmit},
 * {@code late-tolerance}), kept verbatim so it can be inspected or echoed; {@code value} is null for a flag.
 */
public record TransportParam(String name, String value) {

    public String format() {
        return value == null ? name : name + "=" + value;
    }
}
