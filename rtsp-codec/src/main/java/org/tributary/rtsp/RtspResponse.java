package org.tributary.rtsp;


/** A response under construction or as received; {@link #encode()} writes it as RFC 2326 §7 text. */
public final class RtspResponse implements RtspMessage {

    private final int code;
    private final String reason;
    private final RtspHeaders headers = new RtspHeaders();
    private byte[] body = new byte[0];
    private String protocol = "RTSP/1.0";

    public RtspResponse(RtspStatus status) {
        this(status.code(), status.reason());
    }

    public RtspResponse(int code, String reason) {
        this.code = code;
        this.reason = reason;
    }

    public int code() {
        return code;
    }

    public String reason() {
        return reason;
    }

    public RtspHeaders headers() {
        return headers;
    }

    public RtspResponse header(String name, String value) {
        headers.set(name, value);
        return this;
    }

    public RtspResponse body(String contentType, byte[] content) {
        headers.set("Content-Type", contentType);
        this.body = content;
        return this;
    }

    public byte[] body() {
        return body;
    }

    /** Answers with an HTTP status line instead (the GET half of an RTSP-over-HTTP tunnel). */
    public RtspResponse asHttp() {
        this.protocol = "HTTP/1.0";
        return this;
    }

    /** The protocol of the status line, e.g. {@code RTSP/1.0}. */
    public String protocol() {
        return protocol;
    }

    /** Completes a decoded response: its status line's protocol and its body as received. */
    RtspResponse received(String protocol, byte[] body) {
        this.protocol = protocol;
        this.body = body;
        return this;
    }

    public byte[] encode() {
        return MessageBytes.encode(protocol + " " + code + " " + reason, headers, body);
    }
}
