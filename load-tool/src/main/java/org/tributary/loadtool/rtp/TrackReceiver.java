package org.tributary.loadtool.rtp;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Everything received for one media track of one session: RTP per source, RTCP, and the receiver
 * reports to send back. Updated by one receiver thread; the reporter reads snapshots, so methods
 * are synchronized (uncontended almost always).
 */
public final class TrackReceiver {
    private final String media;
    private final int clockRate;
    private final long ownSsrc;
    private final List<SourceStats> sources = new ArrayList<>(1);
    private long firstPacketNanos = -1;
    private long lastPacketNanos = -1;
    private long firstKeyFrameNanos = -1;
    private long rtcpPackets;
    private long senderReports;
    private long receiverReportsSent;
    private long nonRtpPackets;

    public TrackReceiver(String media, int clockRate) {
        this.media = media;
        this.clockRate = clockRate > 0 ? clockRate : 90000;
        this.ownSsrc = ThreadLocalRandom.current().nextLong(1, 0xFFFFFFFFL);
    }

    /** Feeds one RTP packet occupying {@code length} bytes from {@code offset}. */
    public synchronized void onRtp(ByteBuffer packet, int offset, int length, long arrivalNanos) {
        if (!RtpHeader.isRtp(packet, offset, length)) {
            nonRtpPackets++;
            return;
        }
        if (firstPacketNanos < 0) {
            firstPacketNanos = arrivalNanos;
        }
        lastPacketNanos = arrivalNanos;
        if (firstKeyFrameNanos < 0 && "video".equals(media) && H264KeyFrames.startsKeyFrame(packet, offset, length)) {
            firstKeyFrameNanos = arrivalNanos;
        }
        source(RtpHeader.ssrc(packet, offset)).onPacket(RtpHeader.sequence(packet, offset),
                RtpHeader.timestamp(packet, offset), length, arrivalNanos);
    }

    /** Feeds one RTCP (compound) packet; sender reports are remembered for LSR/DLSR. */
    public synchronized void onRtcp(ByteBuffer packet, int offset, int length, long arrivalNanos) {
        rtcpPackets++;
        for (RtcpPackets.SenderReportInfo sr : RtcpPackets.senderReports(packet, offset, length)) {
            senderReports++;
            source(sr.ssrc()).onSenderReport(sr, arrivalNanos);
        }
    }

    private SourceStats source(long ssrc) {
        for (SourceStats s : sources) {
            if (s.ssrc() == ssrc) {
                return s;
            }
        }
        SourceStats created = new SourceStats(ssrc, clockRate);
        sources.add(created);
        return created;
    }

    /**
     * Builds the next RR compound packet about every source that has sent RTP, or returns null
     * when nothing has been received yet.
     */
    public synchronized ByteBuffer nextReceiverReport(long nowNanos, String cname) {
        List<ReceptionReport> blocks = new ArrayList<>(sources.size());
        for (SourceStats s : sources) {
            if (s.sequence().started()) {
                blocks.add(s.takeReport(nowNanos));
            }
        }
        if (blocks.isEmpty()) {
            return null;
        }
        receiverReportsSent++;
        return RtcpPackets.receiverReport(ownSsrc, blocks, cname);
    }

    public synchronized TrackStats snapshot() {
        long received = 0;
        long expected = 0;
        long lost = 0;
        long duplicates = 0;
        long reordered = 0;
        long wraps = 0;
        long bytes = 0;
        SourceStats main = null;
        for (SourceStats s : sources) {
            SequenceTracker q = s.sequence();
            received += q.received();
            expected += q.expected();
            lost += q.lost();
            duplicates += q.duplicates();
            reordered += q.reordered();
            wraps += q.wraps();
            bytes += s.bytes();
            if (main == null || q.received() > main.sequence().received()) {
                main = s;
            }
        }
        double jitterMs = main == null ? 0 : main.jitter().jitterMillis();
        double meanMs = main == null ? 0 : main.jitter().meanJitterMillis();
        double maxMs = main == null ? 0 : main.jitter().maxJitterMillis();
        return new TrackStats(media, clockRate, sources.size(), received, expected, lost, duplicates, reordered,
                wraps, bytes, jitterMs, meanMs, maxMs, rtcpPackets, senderReports, receiverReportsSent);
    }

    public synchronized long firstPacketNanos() {
        return firstPacketNanos;
    }

    /** When the first H.264 packet a decoder can start with (SPS or IDR) arrived, or -1. */
    public synchronized long firstKeyFrameNanos() {
        return firstKeyFrameNanos;
    }

    public synchronized long lastPacketNanos() {
        return lastPacketNanos;
    }

    public String media() {
        return media;
    }

    public int clockRate() {
        return clockRate;
    }

    public long ownSsrc() {
        return ownSsrc;
    }
}
