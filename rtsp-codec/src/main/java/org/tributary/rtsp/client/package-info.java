/**
 * The client side of the RTSP codec: what a client (the integration tests, the load tool, a relay) needs
 * beyond the shared message and header types, starting with answering a server's authentication challenge.
 */
package org.tributary.rtsp.client;
