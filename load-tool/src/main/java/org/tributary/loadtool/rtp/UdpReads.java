package org.tributary.loadtool.rtp;

/**
 * How a receiver loop's UDP reads went: how often a socket was reported readable, how many datagrams it gave,
 * and how many receive calls found it empty (each a system call that returned nothing). Datagrams per wake-up
 * say what a batched receive ({@code recvmmsg}) could save: with one session's packets per socket it is close
 * to one. Written by the loop's thread only; read by others for reports (a value a moment old is fine).
 */
public final class UdpReads {
    private volatile long wakeups;
    private volatile long datagrams;
    private volatile long emptyReads;

    /** One readable socket served: {@code received} datagrams, and whether a last receive found it empty. */
    void record(int received, boolean endedEmpty) {
        wakeups++;
        datagrams += received;
        if (endedEmpty) {
            emptyReads++;
        }
    }

    public long wakeups() {
        return wakeups;
    }

    public long datagrams() {
        return datagrams;
    }

    public long emptyReads() {
        return emptyReads;
    }
}
