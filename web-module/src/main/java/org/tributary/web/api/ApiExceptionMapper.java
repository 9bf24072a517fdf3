package org.tributary.web.api;

import jakarta.json.Json;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.logging.Level;
import java.util.logging.Logger;

/** Turns every failure into a JSON body {@code {"status": 503, "error": "..."}}; no stack trace leaves. */
@Provider
public class ApiExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(ApiExceptionMapper.class.getName());

    @Override
    public Response toResponse(Throwable failure) {
        int status;
        String message;
        if (failure instanceof ApiException api) {
            status = api.status();
            message = api.getMessage();
        } else if (failure instanceof WebApplicationException web) {
            status = web.getResponse().getStatus();
            message = web.getMessage();
        } else {
            status = 500;
            message = "internal error; see the server log";
            LOG.log(Level.SEVERE, "API request failed", failure);
        }
        if (status < 500 || failure instanceof ApiException) {
            LOG.fine("API answered " + status + ": " + message);
        }
        String body = Json.createObjectBuilder().add("status", status).add("error", message == null ? "" : message)
                .build().toString();
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(body).build();
    }
}
