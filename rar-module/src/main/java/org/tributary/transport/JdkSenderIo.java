package org.tributary.transport;

import java.util.concurrent.locks.LockSupport;

/** The one-system-call-per-packet path: the thread parks between turns; there is nothing to flush. */
final class JdkSenderIo implements SenderIo {

    private final Thread owner = Thread.currentThread();

    @Override
    public void await(long nanos) {
        if (nanos > 0) {
            LockSupport.parkNanos(this, nanos);
        }
    }

    @Override
    public void wake() {
        LockSupport.unpark(owner);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
}
