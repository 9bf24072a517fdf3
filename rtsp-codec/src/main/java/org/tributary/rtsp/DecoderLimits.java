package org.tributary.rtsp;

/**
 * Bounds on what one message may hold. Exceeding one answers 400, 413 or 414 and closes the connection.
 *
 * @param maxLineBytes    longest request or header line
 * @param maxUriBytes     longest Request-URI
 * @param maxHeaders      most header fields in one message
 * @param maxHeaderBytes  all header lines of one message together
 * @param maxBodyBytes    largest Content-Length accepted
 */
public record DecoderLimits(int maxLineBytes, int maxUriBytes, int maxHeaders, int maxHeaderBytes, int maxBodyBytes) {

    public static final DecoderLimits DEFAULTS = new DecoderLimits(8192, 4096, 64, 32 * 1024, 128 * 1024);
}
