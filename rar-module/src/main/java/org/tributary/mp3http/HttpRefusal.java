package org.tributary.mp3http;

/** A request answered with an HTTP error status; the message says why (logged, and sent as the JSON body). */
final class HttpRefusal extends Exception {

    private final int status;
    private final String reason;
    private String contentRange;

    HttpRefusal(int status, String reason, String message) {
        super(message);
        this.status = status;
        this.reason = reason;
    }

    static HttpRefusal badRequest(String message) {
        return new HttpRefusal(400, "Bad Request", message);
    }

    static HttpRefusal forbidden(String message) {
        return new HttpRefusal(403, "Forbidden", message);
    }

    static HttpRefusal notFound(String message) {
        return new HttpRefusal(404, "Not Found", message);
    }

    static HttpRefusal methodNotAllowed(String message) {
        return new HttpRefusal(405, "Method Not Allowed", message);
    }

    static HttpRefusal unsupportedMediaType(String message) {
        return new HttpRefusal(415, "Unsupported Media Type", message);
    }

    /** 416: the one range asked for lies past the end of a body of {@code length} bytes. */
    static HttpRefusal rangeNotSatisfiable(String message, long length) {
        HttpRefusal refusal = new HttpRefusal(416, "Range Not Satisfiable", message);
        refusal.contentRange = "bytes */" + length;
        return refusal;
    }

    static HttpRefusal unavailable(String message) {
        return new HttpRefusal(503, "Service Unavailable", message);
    }

    int status() {
        return status;
    }

    /** The Content-Range header a 416 carries (the body's length), else null. */
    String contentRange() {
        return contentRange;
    }

    String reason() {
        return reason;
    }
}
