package org.tributary.api;

import jakarta.resource.Referenceable;
import jakarta.resource.ResourceException;

import java.io.Serializable;

/** The adapter's outbound connection factory, bound in JNDI (see {@link #JNDI_NAME}). */
public interface TributaryConnectionFactory extends Serializable, Referenceable {

    /** Where the adapter's connection definition binds this factory. */
    String JNDI_NAME = "java:/eis/Tributary";

    TributaryConnection getConnection() throws ResourceException;
}
