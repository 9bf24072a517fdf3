/**
 * The byte stream under an RTSP connection: {@link org.tributary.net.ByteLink}, plain
 * ({@link org.tributary.net.PlainLink}) or TLS ({@link org.tributary.net.TlsLink}, an {@code SSLEngine} over the
 * same non-blocking channel, TLS 1.2 and 1.3 only), and {@link org.tributary.net.TlsContexts}, which makes the
 * {@code SSLContext} from a key store file. Everything above the link (the RTSP decoder, the tunnel, MP3 over
 * HTTP) sees plain bytes either way.
 */
package org.tributary.net;
