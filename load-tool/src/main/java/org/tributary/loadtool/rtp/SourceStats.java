package org.tributary.loadtool.rtp;

/** Reception state of one RTP source (one SSRC) on one track. Not thread-safe; guarded by its track. */
final class SourceStats {
    private final long ssrc;
    private final SequenceTracker sequence = new SequenceTracker();
    private final JitterEstimator jitter;
    private long bytes;
    private long lastSrMiddle;
    private long lastSrArrivalNanos;
    private boolean haveSr;

    SourceStats(long ssrc, int clockRate) {
        this.ssrc = ssrc;
        this.jitter = new JitterEstimator(clockRate);
    }

    void onPacket(int seq, long rtpTimestamp, int length, long arrivalNanos) {
        if (sequence.onSequence(seq)) {
            jitter.onPacket(arrivalNanos, rtpTimestamp);
            bytes += length;
        }
    }

    void onSenderReport(RtcpPackets.SenderReportInfo sr, long arrivalNanos) {
        lastSrMiddle = sr.middle32();
        lastSrArrivalNanos = arrivalNanos;
        haveSr = true;
    }

    ReceptionReport takeReport(long nowNanos) {
        long lsr = haveSr ? lastSrMiddle : 0;
        long dlsr = haveSr ? NtpTime.toDlsrUnits(nowNanos - lastSrArrivalNanos) : 0;
        return new ReceptionReport(ssrc, sequence.takeFractionLost(), sequence.lost(),
                sequence.extendedHighest(), Math.round(jitter.jitterUnits()) & 0xFFFFFFFFL, lsr, dlsr);
    }

    long ssrc() {
        return ssrc;
    }

    SequenceTracker sequence() {
        return sequence;
    }

    JitterEstimator jitter() {
        return jitter;
    }

    long bytes() {
        return bytes;
    }
}
