package org.tributary.source;

/** The file exists but cannot be streamed (unknown format, no streamable track); answered with 415. */
public class UnsupportedMediaException extends Exception {

    public UnsupportedMediaException(String message) {
        super(message);
    }

    public UnsupportedMediaException(String message, Throwable cause) {
        super(message, cause);
    }
}
