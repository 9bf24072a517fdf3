package org.tributary.web.api;

import jakarta.ejb.EJBException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.tributary.ejb.channels.ChannelException;
import org.tributary.ejb.cluster.ClusterException;
import org.tributary.ejb.console.AccountConflictException;
import org.tributary.ejb.relays.RelayException;
import org.tributary.web.api.model.ApiError;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Turns every failure into a JSON body {@code {"status": 503, "error": "..."}} (plus "fields" or
 * "problems" where the failure has them); no stack trace leaves. A service's refusal of a bad value
 * (IllegalArgumentException, also inside an EJBException) is a 400, an account conflict a 409, an unknown
 * channel a 404 and a channel conflict (name taken, not running) a 409, an unknown relay a 404 and a relay the
 * adapter refused a 400, an unknown cluster node or command a 404 and a cluster node not alive a 409. A body
 * of a type the resource does not read (415) is logged at WARNING.
 */
@Provider
public class ApiExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(ApiExceptionMapper.class.getName());

    @Context
    private HttpServletRequest request;

    @Override
    public Response toResponse(Throwable thrown) {
        Throwable failure = thrown instanceof EJBException && thrown.getCause() != null ? thrown.getCause() : thrown;
        int status;
        String message;
        if (failure instanceof ApiException api) {
            status = api.status();
            message = api.getMessage();
        } else if (failure instanceof WebApplicationException web) {
            status = web.getResponse().getStatus();
            message = status == 403 ? "your console role may not do this" : web.getMessage();
        } else if (failure instanceof IllegalArgumentException) {
            status = 400;
            message = failure.getMessage();
        } else if (failure instanceof org.tributary.ejb.adapter.AdapterOfflineException) {
            status = 503;
            message = failure.getMessage();
        } else if (failure instanceof AccountConflictException) {
            status = 409;
            message = failure.getMessage();
        } else if (failure instanceof RelayException relay) {
            status = relay.reason() == RelayException.Reason.UNKNOWN ? 404 : 400;
            message = failure.getMessage();
        } else if (failure instanceof ClusterException cluster) {
            status = cluster.reason() == ClusterException.Reason.NODE_DOWN ? 409 : 404;
            message = failure.getMessage();
        } else if (failure instanceof ChannelException channel) {
            status = channel.reason() == ChannelException.Reason.UNKNOWN ? 404 : 409;
            message = failure.getMessage();
        } else {
            status = 500;
            message = "internal error; see the server log";
            LOG.log(Level.SEVERE, "API request failed", thrown);
        }
        if (status == 415) {
            LOG.warning("API refused " + request.getMethod() + " " + request.getRequestURI() + " with Content-Type '"
                    + request.getContentType() + "': 415, not the type the resource declares");
        } else if (status < 500 || failure instanceof ApiException) {
            LOG.fine("API answered " + status + ": " + message);
        }
        JsonObject details = failure instanceof ApiException api ? api.details() : null;
        return Response.status(status).type(MediaType.APPLICATION_JSON)
                .entity(error(status, message == null ? "" : message, details)).build();
    }

    /**
     * The error body: the details' "fields" (per-field messages), "problems" (bad lines) and "state" (of a cluster
     * end request) where there are.
     */
    static ApiError error(int status, String message, JsonObject details) {
        Map<String, String> fields = null;
        List<String> problems = null;
        if (details != null && details.containsKey("fields")) {
            fields = new LinkedHashMap<>();
            for (Map.Entry<String, JsonValue> e : details.getJsonObject("fields").entrySet()) {
                fields.put(e.getKey(), ((JsonString) e.getValue()).getString());
            }
        }
        if (details != null && details.containsKey("problems")) {
            problems = details.getJsonArray("problems").getValuesAs(JsonString::getString);
        }
        String state = details == null ? null : details.getString("state", null);
        return new ApiError(status, message, fields, problems, state);
    }
}
