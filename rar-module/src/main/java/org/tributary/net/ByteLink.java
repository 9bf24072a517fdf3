package org.tributary.net;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * A connection's bytes, read and written without blocking. A TLS link may hold bytes of its own on either
 * side: decrypted input the caller has not taken yet, encrypted output the socket has not taken yet.
 */
public interface ByteLink {

    /** Reads what is available into {@code dst}: the count, 0 when nothing is there yet, -1 at the end. */
    int read(ByteBuffer dst) throws IOException;

    /** Takes what it can of {@code src} without blocking and returns how many bytes it took. */
    int write(ByteBuffer src) throws IOException;

    /** Writes output the link holds itself; true when none is left. */
    boolean flush() throws IOException;

    /** Whether output written earlier still waits for the socket (the caller keeps asking to write). */
    boolean hasPendingOutput();

    /** Whether {@link #read} has bytes to give without the socket becoming readable again. */
    boolean hasBufferedInput();

    /** Whether application bytes can be sent: always on a plain link, after the handshake on a TLS one. */
    default boolean established() {
        return true;
    }

    /** Whether the bytes travel encrypted (TLS), for what the access decision and the logs call the protocol. */
    default boolean secure() {
        return false;
    }

    /** Ends the link (a TLS link says close_notify first, if the socket takes it) and closes the socket. */
    void close() throws IOException;
}
