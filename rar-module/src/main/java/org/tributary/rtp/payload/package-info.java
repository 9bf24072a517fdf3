/**
 * Payload formats, in both directions. Out: a {@link org.tributary.rtp.payload.Packetizer} turns one
 * stored media sample into RTP payloads, and {@code plan.PayloadPlans} is the one
 * place that maps a stored codec ({@code plan.StoredCodec}) to its SDP
 * {@link org.tributary.rtp.payload.PayloadFormat} and packetizer, so sources name no codec. In: a
 * {@link org.tributary.rtp.payload.Depacketizer} rebuilds access units (with key-frame flags) from
 * received payloads, with {@link org.tributary.rtp.payload.AbstractDepacketizer} handling loss, resync
 * and the size cap. The codec subpackages hold one format each; {@code nal} holds what H.264 and H.265
 * share, and {@code plan} sits above them all.
 */
package org.tributary.rtp.payload;
