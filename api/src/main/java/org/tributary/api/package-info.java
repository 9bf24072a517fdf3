/**
 * The contract between the resource adapter and the applications that use it: the outbound
 * {@link org.tributary.api.TributaryConnectionFactory} through which EJBs read and control the adapter,
 * and the value types it returns. Nothing here may depend on JPA, Hibernate or adapter internals:
 * every type is immutable and serializable so both sides can change behind it.
 */
package org.tributary.api;
