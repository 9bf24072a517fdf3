package org.tributary.api.access;

/**
 * The adapter's inbound listener for access decisions: a message-driven bean bound to the Tributary
 * resource adapter implements it, and the adapter uses the decision it returns.
 */
public interface AccessListener {

    AccessDecision decide(AccessRequest request);
}
