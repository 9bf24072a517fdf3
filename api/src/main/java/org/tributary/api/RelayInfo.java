package org.tributary.api;

import java.io.Serializable;
import java.time.Instant;

/**
 * A relay as the adapter runs it now, for the console and the API. Carries no password.
 *
 * @param name          its name
 * @param direction     pull or push
 * @param path          the canonical path on this server
 * @param url           the other server's URL, without credentials
 * @param transport     "tcp" or "udp"
 * @param mode          "always" or "on-demand" (push relays are "always")
 * @param state         "idle" (on demand, no viewer), "connecting", "playing" (pull: receiving; push: sending),
 *                      "backing off" (lost, reconnecting after a delay), "waiting" (push: no stream at the path
 *                      yet) or "disabled"
 * @param bitsPerSecond the media bit rate over the last seconds
 * @param viewers       readers of the relayed stream now (pull)
 * @param reconnects    connections made again after a loss
 * @param connectedAt   when the current connection was made, or null
 * @param lastError     the last failure (connect, refusal, loss), or null
 * @param lastErrorAt   when it happened, or null
 * @param codecs        the relayed tracks' codecs ("H264, MPEG4-GENERIC"), or null before the first DESCRIBE
 */
public record RelayInfo(String name, RelayDefinition.Direction direction, String path, String url, String transport,
                        String mode, String state, long bitsPerSecond, int viewers, long reconnects,
                        Instant connectedAt, String lastError, Instant lastErrorAt, String codecs)
        implements Serializable {
}
