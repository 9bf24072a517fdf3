package org.tributary.stream;

/**
 * A source is defined for the path but has no stream there: it did not publish within its start timeout,
 * or an operator stopped it. Worth a 503 with the reason, not a 404.
 */
public final class StreamUnavailableException extends Exception {
    public StreamUnavailableException(String message) {
        super(message);
    }
}
