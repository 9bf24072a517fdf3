package org.tributary.session;

import org.tributary.rtp.RtpPacketWriter;
import org.tributary.rtp.payload.FrameRoles;
import org.tributary.rtp.rtcp.Bye;
import org.tributary.rtp.rtcp.Nack;
import org.tributary.rtp.rtcp.ReceptionReport;
import org.tributary.rtp.rtcp.RtcpCompound;
import org.tributary.rtp.rtcp.RtcpParser;
import org.tributary.rtp.rtcp.SenderReport;
import org.tributary.transport.RtpChannel;

import java.nio.ByteBuffer;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongSupplier;
import java.util.logging.Logger;

/**
 * One set-up track of a session: where its packets go and the RTP state that must stay continuous for
 * the whole session (SSRC, sequence numbers, timestamps across PAUSE and seeks), plus what the client
 * reported about it.
 */
public final class TrackOutput {

    private static final Logger LOG = Logger.getLogger(TrackOutput.class.getName());

    private final int trackIndex;
    private final int clockRate;
    private final RtpChannel channel;
    private final long ssrc;
    private final long timestampBase;
    private final String cname;
    private final TrafficMeter meter;
    /** Sized for an Ethernet-MTU packet; grows once if a source sends larger payloads (hint tracks may). */
    /** Direct, so a UDP send goes straight from it (a heap buffer is first copied into a temporary direct one). */
    private ByteBuffer packet = ByteBuffer.allocateDirect(2048);
    private final ByteBuffer rtcp = ByteBuffer.allocate(512);

    private int sequence;
    /** Added to a source timestamp to get the timestamp on the wire; set at every PLAY. */
    private long timestampOffset;
    private long packetsSent;
    private long octetsSent;
    private long packetsDropped;
    private long lastRtpTimestamp;

    /** Recent packets for retransmission; null until a client asks for it (RFC 4588). */
    private RetransmissionHistory history;
    /** Answers NACKs with rtx packets; null unless the client set the track up with RTP/AVPF. */
    private Retransmitter retransmitter;
    private LongSupplier nanoClock = System::nanoTime;
    /** Spares a congested UDP client frames it can do without; null unless the track is thinned. */
    private VideoThinner thinner;
    private String logPrefix = "";

    private volatile int fractionLost;
    private volatile long cumulativeLost;
    private volatile long jitter;
    private volatile long receiverReports;
    private final java.util.concurrent.atomic.AtomicLong rtcpBytesReceived = new java.util.concurrent.atomic.AtomicLong();

    public TrackOutput(int trackIndex, int clockRate, RtpChannel channel, String cname) {
        this(trackIndex, clockRate, channel, cname, TrafficMeter.NONE);
    }

    /** @param meter the adapter-wide counters every sent packet is added to */
    public TrackOutput(int trackIndex, int clockRate, RtpChannel channel, String cname, TrafficMeter meter) {
        this.meter = meter;
        ThreadLocalRandom random = ThreadLocalRandom.current();
        this.trackIndex = trackIndex;
        this.clockRate = clockRate;
        this.channel = channel;
        this.cname = cname;
        this.ssrc = random.nextLong(1, 1L << 32);
        this.sequence = random.nextInt(0, 1 << 16);
        this.timestampBase = random.nextLong(0, 1L << 32);
    }

    public int trackIndex() {
        return trackIndex;
    }

    public long ssrc() {
        return ssrc;
    }

    public RtpChannel channel() {
        return channel;
    }

    public int clockRate() {
        return clockRate;
    }

    /**
     * Prepares a PLAY that starts at presentation time {@code startMicros}, {@code wallOffsetMicros}
     * after the session's first PLAY: the wire timestamp keeps counting real time, so it never goes back.
     *
     * @return the RTP timestamp of {@code startMicros} on the wire (the RTP-Info rtptime)
     */
    synchronized long startRun(long startMicros, long wallOffsetMicros) {
        long startTicks = startMicros * clockRate / 1_000_000L;
        long wireStart = (timestampBase + wallOffsetMicros * clockRate / 1_000_000L) & 0xFFFFFFFFL;
        timestampOffset = wireStart - startTicks;
        return wireStart;
    }

    /** The sequence number the next packet carries (the RTP-Info seq). */
    synchronized int nextSequence() {
        return sequence;
    }

    /** Sender thread: adds the RTP header and sends. */
    synchronized void send(ByteBuffer payload, boolean marker, long sourceTimestamp, int payloadType) {
        if (thinner != null && !thinner.passes(payload, sourceTimestamp)) {
            return;
        }
        long wireTimestamp = (sourceTimestamp + timestampOffset) & 0xFFFFFFFFL;
        if (payload.remaining() + 12 > packet.capacity()) {
            packet = ByteBuffer.allocateDirect(Math.min(12 + 65535, Math.max(payload.remaining() + 12, 2 * packet.capacity())));
        }
        packet.clear();
        RtpPacketWriter.writeHeader(packet, marker, payloadType, sequence, wireTimestamp, ssrc);
        int length = payload.remaining();
        packet.put(payload);
        packet.flip();
        if (history != null) {
            history.add(sequence, packet, retransmitter == null ? 0 : nanoClock.getAsLong());
        }
        if (retransmitter != null) {
            retransmitter.originalSent(packet.remaining());
        }
        sequence = (sequence + 1) & 0xFFFF;
        lastRtpTimestamp = wireTimestamp;
        if (channel.sendRtp(packet)) {
            packetsSent++;
            octetsSent += length;
            meter.sent(length);
        } else {
            packetsDropped++;
        }
    }

    /**
     * Keeps the packets sent from now on, bounded by count and bytes, for retransmission.
     */
    public synchronized void keepHistory(int maxPackets, int maxBytes) {
        history = new RetransmissionHistory(maxPackets, maxBytes);
    }

    /**
     * Keeps a history within {@code limits} and answers Generic NACKs about this track with RFC 4588
     * retransmissions of payload type {@code rtxPayloadType} on the same channel (SSRC multiplexing).
     *
     * @param nanoClock when packets are sent and NACKs arrive, on {@link System#nanoTime()}'s scale
     */
    public synchronized void retransmit(int rtxPayloadType, RtxLimits limits, LongSupplier nanoClock) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long rtxSsrc;
        do {
            rtxSsrc = random.nextLong(1, 1L << 32);
        } while (rtxSsrc == ssrc);
        this.nanoClock = nanoClock;
        history = new RetransmissionHistory(RtxLimits.HISTORY_PACKETS, limits.historyBytes());
        retransmitter = new Retransmitter(rtxPayloadType, rtxSsrc, random.nextInt(0, 1 << 16), limits);
    }

    /** Whether the client set this track up for retransmission (RTP/AVPF with rtx). */
    public synchronized boolean retransmits() {
        return retransmitter != null;
    }

    /**
     * Thins this (video, UDP) track when the client's receiver reports show loss, as {@code policy} decides:
     * first the frames nothing refers to, then all but key frames; each level change is logged with
     * {@code logPrefix} (the session's).
     */
    public synchronized void thin(FrameRoles roles, ThinningPolicy policy, String logPrefix) {
        this.thinner = new VideoThinner(roles, policy);
        this.logPrefix = logPrefix;
    }

    /** Frames not sent to spare a congested client. */
    public synchronized long thinnedFrames() {
        return thinner == null ? 0 : thinner.thinnedFrames();
    }

    /** Times the thinning level changed. */
    public synchronized long thinningChanges() {
        return thinner == null ? 0 : thinner.levelChanges();
    }

    private synchronized void reportedForThinning(ReceptionReport report) {
        if (thinner == null) {
            return;
        }
        ThinningLevel changed = thinner.report(report, nanoClock.getAsLong());
        if (changed != null) {
            LOG.info(logPrefix + "track " + trackIndex + " thinning " + changed.name().toLowerCase(Locale.ROOT)
                    + " at " + String.format(Locale.ROOT, "%.1f", ThinningPolicy.percent(report.fractionLost()))
                    + " % loss reported");
        }
    }

    /** The rtx stream's SSRC, or -1 when this track does not retransmit. */
    public synchronized long rtxSsrc() {
        return retransmitter == null ? -1 : retransmitter.ssrc();
    }

    /** Sequence numbers of this track the client asked for again (NACKs), counted when it retransmits. */
    public synchronized long rtxRequested() {
        return retransmitter == null ? 0 : retransmitter.requested();
    }

    /** Retransmissions sent. */
    public synchronized long rtxSent() {
        return retransmitter == null ? 0 : retransmitter.sent();
    }

    /** Asked-for packets that were too old (past rtx-time) or no longer kept. */
    public synchronized long rtxTooLate() {
        return retransmitter == null ? 0 : retransmitter.tooLate();
    }

    /** Asked-for packets not resent for the bandwidth share or their resend count. */
    public synchronized long rtxLimited() {
        return retransmitter == null ? 0 : retransmitter.limited();
    }

    private synchronized void nacked(Nack nack) {
        if (retransmitter != null && nack.mediaSsrc() == ssrc) {
            retransmitter.resend(nack.lostSequenceNumbers(), history, channel, meter, nanoClock.getAsLong());
        }
    }

    /**
     * A copy of the RTP packet sent with this sequence number (header included, as it went out), or null
     * when it is no longer kept or no history is kept.
     */
    public synchronized ByteBuffer sentPacket(int sequence) {
        return history == null ? null : history.find(sequence);
    }

    /** Sends an RTCP sender report for presentation time {@code nowMicros}. */
    synchronized void sendSenderReport(long nowMicros) {
        if (packetsSent == 0) {
            return;
        }
        long rtpNow = (nowMicros * clockRate / 1_000_000L + timestampOffset) & 0xFFFFFFFFL;
        rtcp.clear();
        SenderReport.writeCompound(rtcp, ssrc, System.currentTimeMillis(), rtpNow, packetsSent, octetsSent, cname);
        rtcp.flip();
        channel.sendRtcp(rtcp);
    }

    synchronized void sendBye(String reason) {
        rtcp.clear();
        Bye.writeCompound(rtcp, ssrc, cname, reason);
        rtcp.flip();
        channel.sendRtcp(rtcp);
    }

    /** Any thread: an RTCP packet from the client. Returns true when it carried a report about us. */
    public boolean rtcpReceived(ByteBuffer data) {
        rtcpBytesReceived.addAndGet(data.remaining());
        meter.received(data.remaining());
        RtcpCompound compound;
        try {
            compound = RtcpParser.parse(data);
        } catch (IllegalArgumentException e) {
            return false;
        }
        compound.nacks().forEach(this::nacked);
        boolean ours = false;
        for (ReceptionReport report : compound.receptionReports()) {
            if (report.ssrc() == ssrc) {
                fractionLost = report.fractionLost();
                meter.lossReported(report.cumulativeLost() - cumulativeLost);
                cumulativeLost = report.cumulativeLost();
                jitter = report.jitter();
                receiverReports++;
                ours = true;
                reportedForThinning(report);
            }
        }
        return ours || !compound.receptionReports().isEmpty() || !compound.cnames().isEmpty();
    }

    public synchronized long packetsSent() {
        return packetsSent;
    }

    public synchronized long octetsSent() {
        return octetsSent;
    }

    public synchronized long packetsDropped() {
        return packetsDropped;
    }

    public long cumulativeLost() {
        return cumulativeLost;
    }

    public int fractionLost() {
        return fractionLost;
    }

    /** Interarrival jitter the client reported, in milliseconds. */
    public double jitterMillis() {
        return clockRate == 0 ? 0 : jitter * 1000.0 / clockRate;
    }

    public long receiverReports() {
        return receiverReports;
    }

    /** RTCP bytes the client sent about this track (the access log's cs-bytes). */
    public long rtcpBytesReceived() {
        return rtcpBytesReceived.get();
    }
}
