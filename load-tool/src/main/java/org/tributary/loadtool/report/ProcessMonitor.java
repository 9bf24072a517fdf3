package org.tributary.loadtool.report;

/**
 * CPU time and memory of one process over a measurement window: {@link #begin()}, then
 * {@link #sample()} every second or so (to track peak RSS and a live CPU rate), then {@link #end()}.
 * Thread-safe.
 */
public final class ProcessMonitor {
    private final String pid;
    private double startCpu = -1;
    private double lastCpu = -1;
    private long lastSampleNanos;
    private double recentCpuPercent;
    private long peakRssKb = -1;
    private long hwmKb = -1;
    private double endCpu = -1;
    private boolean alive = true;

    /** @param pid a numeric PID or "self" */
    public ProcessMonitor(String pid) {
        this.pid = pid;
    }

    public String pid() {
        return pid;
    }

    public synchronized void begin() {
        startCpu = ProcFs.cpuSeconds(pid);
        lastCpu = startCpu;
        lastSampleNanos = System.nanoTime();
        alive = startCpu >= 0;
        updateRss();
    }

    public synchronized void sample() {
        double cpu = ProcFs.cpuSeconds(pid);
        long now = System.nanoTime();
        if (cpu < 0) {
            alive = false;
            return;
        }
        double elapsed = (now - lastSampleNanos) / 1e9;
        if (elapsed > 0 && lastCpu >= 0) {
            recentCpuPercent = 100.0 * (cpu - lastCpu) / elapsed;
        }
        lastCpu = cpu;
        lastSampleNanos = now;
        updateRss();
    }

    public synchronized void end() {
        sample();
        endCpu = lastCpu;
        hwmKb = ProcFs.statusKb(pid, "VmHWM");
    }

    private void updateRss() {
        long rss = ProcFs.statusKb(pid, "VmRSS");
        if (rss > peakRssKb) {
            peakRssKb = rss;
        }
    }

    /** CPU seconds used between begin and end (or the last sample); -1 if unknown. */
    public synchronized double cpuSeconds() {
        double last = endCpu >= 0 ? endCpu : lastCpu;
        return startCpu < 0 || last < 0 ? -1 : last - startCpu;
    }

    public synchronized double recentCpuPercent() {
        return recentCpuPercent;
    }

    /** Highest VmRSS sampled during the window, kB. */
    public synchronized long peakRssKb() {
        return peakRssKb;
    }

    /** VmHWM (peak RSS since the process started) at the end, kB. */
    public synchronized long highWaterMarkKb() {
        return hwmKb;
    }

    public synchronized boolean alive() {
        return alive;
    }
}
