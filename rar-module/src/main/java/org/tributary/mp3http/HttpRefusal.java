package org.tributary.mp3http;

/** A request answered with an HTTP error status; the message says why (logged, and sent as the JSON body). */
final class HttpRefusal extends Exception {

    private final int status;
    private final String reason;

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

    static HttpRefusal unavailable(String message) {
        return new HttpRefusal(503, "Service Unavailable", message);
    }

    int status() {
        return status;
    }

    String reason() {
        return reason;
    }
}
