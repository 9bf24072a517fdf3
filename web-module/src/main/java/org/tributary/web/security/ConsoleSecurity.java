package org.tributary.web.security;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.BasicAuthenticationMechanismDefinition;

/**
 * Declares how the console authenticates: HTTP Basic in the realm "Tributary console", with the three
 * console roles. Which paths need which role is in web.xml and on the API resources.
 */
@ApplicationScoped
@BasicAuthenticationMechanismDefinition(realmName = ConsoleSecurity.REALM)
@DeclareRoles({ConsoleSecurity.ADMIN, ConsoleSecurity.OPERATOR, ConsoleSecurity.VIEWER})
public class ConsoleSecurity {

    public static final String REALM = "Tributary console";
    public static final String ADMIN = "admin";
    public static final String OPERATOR = "operator";
    public static final String VIEWER = "viewer";
}
