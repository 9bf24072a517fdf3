package org.tributary.stream;

import org.tributary.source.UnsupportedMediaException;

/**
 * An on-demand source is defined for the path but has no stream there: it did not publish within its start
 * timeout, or an operator stopped it. Answered 503 with the reason, not 415 as other unusable sources are.
 */
public final class StreamUnavailableException extends UnsupportedMediaException {
    public StreamUnavailableException(String message) {
        super(message);
    }
}
