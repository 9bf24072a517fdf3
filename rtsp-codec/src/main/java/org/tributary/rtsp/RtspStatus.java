package org.tributary.rtsp;

/** The status codes Tributary sends (RFC 2326 §7.1.1), with their reason phrases. */
public enum RtspStatus {
    OK(200, "OK"),
    MOVED_TEMPORARILY(302, "Moved Temporarily"),
    BAD_REQUEST(400, "Bad Request"),
    UNAUTHORIZED(401, "Unauthorized"),
    FORBIDDEN(403, "Forbidden"),
    NOT_FOUND(404, "Not Found"),
    METHOD_NOT_ALLOWED(405, "Method Not Allowed"),
    REQUEST_TIMEOUT(408, "Request Timeout"),
    REQUEST_ENTITY_TOO_LARGE(413, "Request Entity Too Large"),
    REQUEST_URI_TOO_LARGE(414, "Request-URI Too Large"),
    UNSUPPORTED_MEDIA_TYPE(415, "Unsupported Media Type"),
    PARAMETER_NOT_UNDERSTOOD(451, "Parameter Not Understood"),
    NOT_ENOUGH_BANDWIDTH(453, "Not Enough Bandwidth"),
    SESSION_NOT_FOUND(454, "Session Not Found"),
    METHOD_NOT_VALID_IN_THIS_STATE(455, "Method Not Valid in This State"),
    HEADER_FIELD_NOT_VALID(456, "Header Field Not Valid for Resource"),
    INVALID_RANGE(457, "Invalid Range"),
    AGGREGATE_OPERATION_NOT_ALLOWED(459, "Aggregate Operation Not Allowed"),
    ONLY_AGGREGATE_OPERATION_ALLOWED(460, "Only Aggregate Operation Allowed"),
    UNSUPPORTED_TRANSPORT(461, "Unsupported Transport"),
    INTERNAL_SERVER_ERROR(500, "Internal Server Error"),
    NOT_IMPLEMENTED(501, "Not Implemented"),
    SERVICE_UNAVAILABLE(503, "Service Unavailable"),
    VERSION_NOT_SUPPORTED(505, "RTSP Version Not Supported"),
    OPTION_NOT_SUPPORTED(551, "Option not supported");

    private final int code;
    private final String reason;

    RtspStatus(int code, String reason) {
        this.code = code;
        this.reason = reason;
    }

    public int code() {
        return code;
    }

    public String reason() {
        return reason;
    }
}
