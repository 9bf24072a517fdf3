package org.tributary.rtsp;

/**
 * One request as received.
 *
 * @param methodToken the method exactly as sent
 * @param method      the method, or {@link RtspMethod#UNKNOWN}
 * @param uri         the Request-URI as sent ({@code *} for a server-wide OPTIONS)
 * @param version     the protocol version as sent, e.g. {@code RTSP/1.0}
 * @param headers     the header fields
 * @param body        the entity body (empty when there is none)
 */
public record RtspRequest(String methodToken, RtspMethod method, String uri, String version,
                          RtspHeaders headers, byte[] body) {

    /** The CSeq header as sent, or null. */
    public String cseq() {
        return headers.get("CSeq");
    }

    public String header(String name) {
        return headers.get(name);
    }
}
