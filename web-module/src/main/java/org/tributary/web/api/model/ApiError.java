package org.tributary.web.api.model;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.Map;

/** The body of every error answer; {@code fields}, {@code problems} and {@code state} only where the failure has them. */
@Schema(description = "An error: the status again and what is wrong")
@JsonbPropertyOrder({"status", "error", "fields", "problems", "state"})
public record ApiError(
        @Schema(required = true, description = "the HTTP status") int status,
        @Schema(required = true, description = "what is wrong") String error,
        @Schema(description = "every bad field of a request body, with its message") Map<String, String> fields,
        @Schema(description = "the bad lines of an imported Darwin file (\"qtusers:3: ...\")") List<String> problems,
        @Schema(description = "an end request of a cluster node's session that found none: \"no such session\"") String state) {

    public ApiError(int status, String error, Map<String, String> fields, List<String> problems) {
        this(status, error, fields, problems, null);
    }
}
