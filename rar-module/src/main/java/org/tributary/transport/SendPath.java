package org.tributary.transport;

import java.util.concurrent.atomic.LongAdder;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * How the sender threads put UDP packets on the wire, chosen once when the adapter starts and named in its status:
 * {@value #BATCHED} (a sender turn's packets leave together, up to {@link EpollSenderIo#BATCH} per system call,
 * through Netty's native epoll transport, each sender thread driving its own event loop) or {@value #SINGLE} (the
 * JDK's {@code DatagramChannel}, one system call per packet), the fallback wherever the native library cannot load.
 * Threads that are not sender threads (a request worker, the RTCP receiver answering a NACK) always take the
 * one-call path.
 */
public final class SendPath {

    private static final Logger LOG = Logger.getLogger(SendPath.class.getName());

    public static final String BATCHED = "sendmmsg";
    public static final String SINGLE = "sendto";

    /** The sender thread's own I/O, for {@link UdpEndpoint} to open that thread's socket on. */
    private static final ThreadLocal<SenderIo> CURRENT = new ThreadLocal<>();

    private final boolean batched;
    private final String detail;
    private final LongAdder batchedPackets = new LongAdder();
    private final LongAdder flushes = new LongAdder();
    private final LongAdder gathered = new LongAdder();

    private SendPath(boolean batched, String detail) {
        this.batched = batched;
        this.detail = detail;
    }

    /** One system call per packet; {@code why} says so in the status. */
    public static SendPath oneCallPerPacket(String why) {
        return new SendPath(false, why);
    }

    /** Batched where Netty's native epoll loads, else one call per packet with the reason it did not load. */
    public static SendPath choose(boolean batchedWanted) {
        if (!batchedWanted) {
            return oneCallPerPacket("batched sends are off (tributary.engine.batched-sends=false)");
        }
        String unavailable = NativeEpoll.unavailable();
        if (unavailable != null) {
            return oneCallPerPacket("Netty's native epoll transport is not available here: " + unavailable);
        }
        return new SendPath(true, "Netty " + NativeEpoll.version() + " native epoll, up to " + EpollSenderIo.BATCH
                + " packets per sendmmsg" + (EpollRtpSender.GSO ? ", UDP GSO for a client's consecutive packets"
                : " (this kernel has no UDP GSO)"));
    }

    /** {@value #BATCHED} or {@value #SINGLE}. */
    public String mode() {
        return batched ? BATCHED : SINGLE;
    }

    /** What runs and why, for the status API and the log; when batched, how full the batches have been. */
    public String detail() {
        if (!batched) {
            return detail;
        }
        long packets = batchedPackets.sum();
        long calls = flushes.sum();
        return detail + "; " + packets + " packets sent in " + calls + " batches"
                + (calls == 0 ? "" : String.format(java.util.Locale.ROOT, " (%.1f per batch)", (double) packets / calls))
                + ", " + gathered.sum() + " of them joined the previous one to the same client (GSO)";
    }

    /** Packets the sender threads have queued in batches so far. */
    public long batchedPackets() {
        return batchedPackets.sum();
    }

    /** Packets that went in one GSO send with the packet before them. */
    public long gatheredPackets() {
        return gathered.sum();
    }

    /** Batches handed to the kernel so far (each one or more sendmmsg calls: more only past 1024 packets). */
    public long batches() {
        return flushes.sum();
    }

    /**
     * The calling thread becomes a sender thread: its waits and its UDP sends go through the returned I/O until
     * that is closed. {@code nothingPending} tells a native loop whether it may sleep (false when the loop has
     * new work that arrived without I/O).
     */
    public SenderIo attach(BooleanSupplier nothingPending) {
        SenderIo io = new JdkSenderIo();
        if (batched) {
            try {
                io = new EpollSenderIo(nothingPending, batchedPackets, flushes, gathered);
            } catch (RuntimeException | LinkageError e) {
                LOG.log(Level.WARNING, Thread.currentThread().getName() + " sends one packet per system call: its"
                        + " native event loop did not open", e);
            }
        }
        CURRENT.set(io);
        return io;
    }

    /** The calling sender thread's I/O, or null for any other thread. */
    static SenderIo current() {
        return CURRENT.get();
    }

    /** The calling thread is no longer a sender thread. */
    static void detach() {
        CURRENT.remove();
    }

    @Override
    public String toString() {
        return mode() + " (" + detail + ")";
    }
}
