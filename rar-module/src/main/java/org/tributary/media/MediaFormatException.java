package org.tributary.media;

import java.io.IOException;

/**
 * A media file is malformed, truncated, or exceeds a sanity limit. The message names the
 * offending structure (box, frame) and the file. It is an {@link IOException} so that callers
 * opening files handle it together with plain I/O failures, yet it can be caught on its own.
 */
public class MediaFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    public MediaFormatException(String message) {
        super(message);
    }

    public MediaFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
