package org.tributary.ejb.access;

import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import org.jboss.ejb3.annotation.ResourceAdapter;
import org.tributary.api.access.AccessDecision;
import org.tributary.api.access.AccessListener;
import org.tributary.api.access.AccessRequest;

/**
 * Answers the adapter's access questions. Bound to the Tributary adapter inside this EAR (the binding
 * names the EAR and RAR files, so their names are fixed by the build).
 */
@MessageDriven(messageListenerInterface = AccessListener.class)
@ResourceAdapter("tributary.ear#tributary-rar.rar")
public class AccessMdb implements AccessListener {

    @EJB
    private AccessService accessService;

    @Override
    public AccessDecision decide(AccessRequest request) {
        return accessService.decide(request);
    }
}
