package org.tributary.rtp.payload;

/** Receives the access units a {@link Depacketizer} completes. */
@FunctionalInterface
public interface AccessUnitSink {
    void accessUnit(AccessUnit unit);
}
