package org.tributary.session;

import org.tributary.engine.Playback;
import org.tributary.source.PacketSink;
import org.tributary.source.SourceReader;
import org.tributary.stream.StreamSource;
import org.tributary.transport.MulticastSink;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.logging.Logger;

/**
 * A running stream sent to a multicast group: one reader of the stream and one {@link TrackOutput} per
 * track (one SSRC and numbering for every receiver), paced on the engine like a session. Listeners join
 * the group; none of them costs the server a packet. One feed per stream and group.
 */
public final class MulticastFeed implements Playback, PacketSink, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(MulticastFeed.class.getName());
    private static final long SENDER_REPORT_NANOS = 5_000_000_000L;
    /** Packets sent per pump at most, so a fast stream cannot hold a sender thread. */
    private static final int MAX_PACKETS_PER_PUMP = 64;

    private final SourceReader reader;
    private final TrackOutput[] outputs;
    private final long startNanos;
    private final String name;
    private long nextReportNanos;
    private volatile boolean closed;
    private volatile Runnable wake;

    /** @param nowNanos the engine's clock now: the stream's packets are due from here */
    public MulticastFeed(StreamSource source, MulticastSink sink, String cname, long nowNanos) {
        this.reader = source.openReader();
        this.outputs = new TrackOutput[source.tracks().size()];
        for (int i = 0; i < outputs.length; i++) {
            outputs[i] = new TrackOutput(i, source.tracks().get(i).clockRate(), sink.track(i), cname);
            outputs[i].startRun(0, 0);
        }
        this.startNanos = nowNanos;
        this.nextReportNanos = nowNanos + 1_000_000_000L;
        this.name = source.name() + " to " + sink.group();
    }

    /** The output of one track (its SSRC, numbering and counters, for the SDP and statistics). */
    public TrackOutput output(int track) {
        return outputs[track];
    }

    @Override
    public synchronized long pump(long nowNanos) {
        if (closed) {
            return DONE;
        }
        try {
            for (int sent = 0; sent < MAX_PACKETS_PER_PUMP; sent++) {
                long next = reader.nextSendTimeMicros();
                if (next == SourceReader.END) {
                    for (TrackOutput output : outputs) {
                        output.sendBye("end of stream");
                    }
                    LOG.info("multicast of " + name + " ended with the stream");
                    return DONE;
                }
                long due = startNanos + next * 1000;
                if (due > nowNanos) {
                    if (nowNanos >= nextReportNanos) {
                        long position = (nowNanos - startNanos) / 1000;
                        for (TrackOutput output : outputs) {
                            output.sendSenderReport(position);
                        }
                        nextReportNanos = nowNanos + SENDER_REPORT_NANOS;
                    }
                    return Math.min(due, nextReportNanos);
                }
                reader.emitNext(this);
            }
            return nowNanos;
        } catch (IOException e) {
            LOG.warning("multicast of " + name + " failed: " + e.getMessage());
            return DONE;
        }
    }

    /** Woken by the stream as packets arrive, instead of polling it. */
    @Override
    public void wakeWith(Runnable wake) {
        this.wake = wake;
        reader.onReadable(wake);
    }

    @Override
    public void packet(int track, ByteBuffer payload, boolean marker, long timestamp, int payloadType) {
        outputs[track].send(payload, marker, timestamp, payloadType);
    }

    /** Stops sending; the engine drops the feed at once. */
    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            reader.close();
            Runnable w = wake;
            if (w != null) {
                w.run(); // leave the engine now
            }
        }
    }
}
