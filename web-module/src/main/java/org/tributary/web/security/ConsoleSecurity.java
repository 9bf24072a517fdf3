package org.tributary.web.security;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The console's roles and realm. How logins happen is {@link ConsoleAuthenticationMechanism}; which paths
 * need which role is in web.xml (pages, /admin/*), on the API resources and in the backing beans.
 */
@ApplicationScoped
@DeclareRoles({ConsoleSecurity.ADMIN, ConsoleSecurity.OPERATOR, ConsoleSecurity.VIEWER})
public class ConsoleSecurity {

    public static final String REALM = "Tributary console";
    public static final String ADMIN = "admin";
    public static final String OPERATOR = "operator";
    public static final String VIEWER = "viewer";
}
