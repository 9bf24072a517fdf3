package org.tributary.api.access;

/** How a client proves who it is: HTTP Basic (RFC 7617) or Digest (RFC 7616). */
public enum AuthScheme {
    BASIC,
    DIGEST
}
