package org.tributary.server;

/**
 * The limits and the state they need that every RTSP port of the adapter shares: one client address and
 * one output budget count across the RTSP port and the tunnel port.
 */
public final class ConnectionGuards {

    private volatile ConnectionLimits limits;
    private final OutputBudget output;
    private final AddressCounts perAddress = new AddressCounts();

    public ConnectionGuards(ConnectionLimits limits, OutputBudget output) {
        this.limits = limits;
        this.output = output;
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

    AddressCounts perAddress() {
        return perAddress;
    }
}
