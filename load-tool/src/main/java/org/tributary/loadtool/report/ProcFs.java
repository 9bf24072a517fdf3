package org.tributary.loadtool.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Reads a process's CPU time ({@code /proc/PID/stat} utime + stime, fields 14 and 15) and memory
 * ({@code /proc/PID/status} VmRSS and VmHWM) on Linux.
 */
public final class ProcFs {
    private static final long CLOCK_TICKS = detectClockTicks();

    private ProcFs() {
    }

    /** A process reference: a numeric PID, or "self". */
    public static Path processDir(String pid) {
        return Path.of("/proc", pid);
    }

    /** utime + stime in seconds, or -1 if the process is gone or unreadable. */
    public static double cpuSeconds(String pid) {
        try {
            String stat = Files.readString(processDir(pid).resolve("stat"), StandardCharsets.US_ASCII);
            return parseCpuTicks(stat) / (double) CLOCK_TICKS;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** utime + stime in clock ticks from the text of a stat file; the comm field may hold spaces. */
    static long parseCpuTicks(String stat) {
        int close = stat.lastIndexOf(')');
        String[] fields = stat.substring(close + 2).trim().split("\\s+");
        // fields[0] is field 3 (state); utime is field 14, stime field 15.
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    /** A "Vm...:   1234 kB" value from /proc/PID/status in kB, or -1. */
    public static long statusKb(String pid, String field) {
        try {
            for (String line : Files.readAllLines(processDir(pid).resolve("status"), StandardCharsets.US_ASCII)) {
                if (line.startsWith(field + ":")) {
                    String[] parts = line.substring(field.length() + 1).trim().split("\\s+");
                    return Long.parseLong(parts[0]);
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    public static boolean exists(String pid) {
        return Files.isDirectory(processDir(pid));
    }

    public static long clockTicksPerSecond() {
        return CLOCK_TICKS;
    }

    private static long detectClockTicks() {
        try {
            Process p = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            if (p.waitFor(2, TimeUnit.SECONDS)) {
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
                long ticks = Long.parseLong(out);
                if (ticks > 0) {
                    return ticks;
                }
            } else {
                p.destroy();
            }
        } catch (IOException | RuntimeException e) {
            return 100;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 100;
    }
}
