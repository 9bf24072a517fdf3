package org.tributary.sdp;

/** SDP text that cannot be read; the message names the 1-based line, e.g. {@code SDP line 3: invalid o= field}. */
public class SdpParseException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final int lineNumber;

    public SdpParseException(int lineNumber, String problem) {
        super(lineNumber > 0 ? "SDP line " + lineNumber + ": " + problem : "SDP: " + problem);
        this.lineNumber = lineNumber;
    }

    /** 1-based line number, or 0 when the problem concerns the whole text. */
    public int lineNumber() {
        return lineNumber;
    }
}
