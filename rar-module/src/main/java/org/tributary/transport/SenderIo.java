package org.tributary.transport;

/**
 * How one sender thread waits between its turns and how the UDP packets of a turn leave: made on that thread by
 * {@link SendPath#attach}, and used only there, except {@link #wake()}.
 */
public interface SenderIo extends AutoCloseable {

    /**
     * Sends what this thread queued, then waits up to {@code nanos}, or until {@link #wake()}; with
     * {@code nanos <= 0} it only handles what is ready and returns.
     */
    void await(long nanos);

    /** Any thread: ends the owner's {@link #await} early (or its next one, if it is not waiting). */
    void wake();

    /** Sends the packets this thread queued; nothing to do where every packet is one system call. */
    void flush();

    /** On the owning thread, when its loop ends: the sockets and the native loop it opened are closed. */
    @Override
    void close();
}
