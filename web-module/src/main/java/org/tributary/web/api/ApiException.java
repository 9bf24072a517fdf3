package org.tributary.web.api;

import jakarta.json.JsonObject;

/**
 * A failure the API reports with a status code and a message meant for the caller, and optionally more
 * detail (per-field messages, bad lines of an imported file) added to the JSON error body.
 */
public class ApiException extends RuntimeException {

    private final int status;
    private final transient JsonObject details;

    public ApiException(int status, String message) {
        this(status, message, null);
    }

    public ApiException(int status, String message, JsonObject details) {
        super(message);
        this.status = status;
        this.details = details;
    }

    public int status() {
        return status;
    }

    /** Extra members of the error body, or null. */
    public JsonObject details() {
        return details;
    }

    public static ApiException notFound(String what) {
        return new ApiException(404, what + " not found");
    }

    public static ApiException conflict(String message) {
        return new ApiException(409, message);
    }
}
