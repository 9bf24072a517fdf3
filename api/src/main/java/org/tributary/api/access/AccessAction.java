package org.tributary.api.access;

/** What a request wants to do with a path. */
public enum AccessAction {
    /** DESCRIBE, SETUP, PLAY: receive a stream. */
    READ,
    /** ANNOUNCE, RECORD: publish a live stream. */
    WRITE
}
