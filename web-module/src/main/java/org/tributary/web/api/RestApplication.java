package org.tributary.web.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** Serves the JSON API under {@code /api}. */
@ApplicationPath("api")
public class RestApplication extends Application {
}
