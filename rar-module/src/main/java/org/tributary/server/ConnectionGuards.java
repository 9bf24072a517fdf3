package org.tributary.server;

import java.util.function.LongSupplier;

/**
 * The limits and the state they need that every RTSP port of the adapter shares: one client address and
 * one output budget count across the RTSP port and the tunnel port, and the clock their timeouts are read on.
 */
public final class ConnectionGuards {

    private volatile ConnectionLimits limits;
    private final OutputBudget output;
    private final AddressCounts perAddress = new AddressCounts();
    private final LongSupplier nanoClock;

    public ConnectionGuards(ConnectionLimits limits, OutputBudget output) {
        this(limits, output, System::nanoTime);
    }

    /** @param nanoClock the time request, idle and stall timeouts and throttled logs are measured on (nanoseconds) */
    public ConnectionGuards(ConnectionLimits limits, OutputBudget output, LongSupplier nanoClock) {
        this.limits = limits;
        this.output = output;
        this.nanoClock = nanoClock;
    }

    /** The defaults with a quarter of the heap as output budget (unit tests and embedded use). */
    public static ConnectionGuards defaults() {
        return new ConnectionGuards(ConnectionLimits.DEFAULTS, OutputBudget.shareOfHeap(25));
    }

    public ConnectionLimits limits() {
        return limits;
    }

    /** New limits for every port from now on (the settings' live ones, e.g. the idle timeout). */
    public void limits(ConnectionLimits next) {
        limits = next;
    }

    public OutputBudget output() {
        return output;
    }

    /** Now, on the clock the timeouts are measured on. */
    long nanoTime() {
        return nanoClock.getAsLong();
    }

    LongSupplier nanoClock() {
        return nanoClock;
    }

    AddressCounts perAddress() {
        return perAddress;
    }
}
