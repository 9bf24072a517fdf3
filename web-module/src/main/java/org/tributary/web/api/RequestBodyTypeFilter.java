package org.tributary.web.api;

import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;

/**
 * A POST or PUT without a {@code Content-Type} is refused with 415 before any resource runs. JAX-RS
 * itself refuses a type other than the method's {@code @Consumes} but lets a body without a type through
 * as if it were of every type; each write of the API declares the one type it reads.
 */
@Provider
@PreMatching
public class RequestBodyTypeFilter implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        String method = request.getMethod();
        if (("POST".equals(method) || "PUT".equals(method)) && request.getHeaderString(HttpHeaders.CONTENT_TYPE) == null) {
            throw new NotSupportedException("a " + method + " needs a Content-Type (application/json, or text/plain for the Darwin files, application/xml for relayconfig.xml)");
        }
    }
}
