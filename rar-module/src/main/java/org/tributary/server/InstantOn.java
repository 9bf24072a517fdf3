package org.tributary.server;

import org.tributary.rtsp.header.Prebuffer;
import org.tributary.rtsp.header.Speed;
import org.tributary.session.Overbuffer;

/**
 * Chooses a file PLAY's instant-on (Darwin's overbuffering): the configured seconds at the configured
 * multiple of real time, lowered by a client's {@code x-Prebuffer: maxtime} and {@code Speed} hints (a client
 * is never sent more or faster than it asked for) and by the bandwidth left under the adapter's limit (the
 * burst's extra rate must fit in it).
 */
final class InstantOn {

    private volatile int seconds;
    private volatile int multiple = 1;

    /** The settings new PLAYs get; 0 seconds or a multiple of 1 turns instant-on off. */
    void settings(int seconds, int multiple) {
        this.seconds = seconds;
        this.multiple = multiple;
    }

    Overbuffer choose(Speed speed, Prebuffer prebuffer, long nominalKbps, long headroomKbps) {
        return choose(seconds, multiple, speed, prebuffer, nominalKbps, headroomKbps);
    }

    /**
     * @param speed the client's Speed, or null
     * @param prebuffer the client's x-Prebuffer, or null
     * @param nominalKbps the stream's nominal rate, 0 when unknown
     * @param headroomKbps what may still go out under the bandwidth limit
     */
    static Overbuffer choose(int seconds, int multiple, Speed speed, Prebuffer prebuffer, long nominalKbps,
                             long headroomKbps) {
        double aheadSeconds = seconds;
        if (prebuffer != null) {
            aheadSeconds = Math.min(aheadSeconds, prebuffer.maxTimeSeconds());
        }
        double rate = multiple;
        if (speed != null) {
            rate = Math.min(rate, speed.value());
        }
        if (headroomKbps != Long.MAX_VALUE) {
            // without a known rate, a limited adapter cannot tell what a burst would take: none
            rate = nominalKbps <= 0 ? 1 : Math.min(rate, (double) headroomKbps / nominalKbps);
        }
        if (rate <= 1 || aheadSeconds <= 0) {
            return Overbuffer.NONE;
        }
        return new Overbuffer(Math.round(aheadSeconds * 1_000_000), rate);
    }
}
