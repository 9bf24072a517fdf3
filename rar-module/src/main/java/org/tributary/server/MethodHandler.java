package org.tributary.server;

/** Answers the methods of one family (RFC 2326 §10); a handler never calls another. */
interface MethodHandler {

    /** @throws RefusedException when the request is answered with an error status */
    Reply handle(MethodContext context) throws RefusedException;
}
