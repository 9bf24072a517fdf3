package org.tributary.rtsp;


/**
 * One request, as received or to be sent.
 *
 * @param methodToken the method exactly as sent
 * @param method      the method, or {@link RtspMethod#UNKNOWN}
 * @param uri         the Request-URI as sent ({@code *} for a server-wide OPTIONS)
 * @param version     the protocol version as sent, e.g. {@code RTSP/1.0}
 * @param headers     the header fields
 * @param body        the entity body (empty when there is none)
 */
public record RtspRequest(String methodToken, RtspMethod method, String uri, String version,
                          RtspHeaders headers, byte[] body) implements RtspMessage {

    /** A request to send: RTSP/1.0, no body yet. */
    public static RtspRequest of(RtspMethod method, String uri, RtspHeaders headers) {
        return new RtspRequest(method.name(), method, uri, "RTSP/1.0", headers, new byte[0]);
    }

    /** The CSeq header as sent, or null. */
    public String cseq() {
        return headers.get("CSeq");
    }

    public String header(String name) {
        return headers.get(name);
    }

    /** The same request with {@code content} as its body (Content-Length is written by {@link #encode()}). */
    public RtspRequest withBody(String contentType, byte[] content) {
        headers.set("Content-Type", contentType);
        return new RtspRequest(methodToken, method, uri, version, headers, content);
    }

    /** Request line, the headers in order, Content-Length of a non-empty body, blank line, body. */
    @Override
    public byte[] encode() {
        return MessageBytes.encode(methodToken + " " + uri + " " + version, headers, body);
    }
}
