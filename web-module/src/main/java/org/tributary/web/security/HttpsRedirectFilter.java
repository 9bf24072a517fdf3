package org.tributary.web.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * Sends plain-HTTP requests for the console and the API to HTTPS (301) while {@link HttpsRedirect} is switched
 * on; off by default. Read on every request, so a change of the system property applies at once.
 */
@WebFilter(filterName = "HttpsRedirectFilter", urlPatterns = "/*")
public class HttpsRedirectFilter extends HttpFilter {

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String target = HttpsRedirect.fromSystemProperties().target(request.isSecure(), request.getServerName(),
                request.getRequestURI(), request.getQueryString());
        if (target == null) {
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(HttpServletResponse.SC_MOVED_PERMANENTLY);
        response.setHeader("Location", target);
    }
}
