package org.tributary.metrics;

import javax.management.JMException;
import javax.management.ObjectName;
import java.lang.management.ManagementFactory;

/**
 * The server process's recent CPU load, read as the platform MBean's {@code ProcessCpuLoad} attribute by name. The
 * typed {@code com.sun.management.OperatingSystemMXBean} is not visible to a deployment's class loader on WildFly
 * (module {@code jdk.management}), so asking through the MBean server is what works there and everywhere else.
 */
public final class ProcessCpu {

    private static final ObjectName OPERATING_SYSTEM = name();

    private ProcessCpu() {
    }

    /** The process's CPU load over the JVM's last sample, 0..1 of the whole machine, or -1 when unknown. */
    public static double load() {
        if (OPERATING_SYSTEM == null) {
            return -1;
        }
        try {
            Object value = ManagementFactory.getPlatformMBeanServer().getAttribute(OPERATING_SYSTEM, "ProcessCpuLoad");
            return value instanceof Double load && load >= 0 ? load : -1;
        } catch (JMException | RuntimeException e) {
            return -1;
        }
    }

    private static ObjectName name() {
        try {
            return new ObjectName(ManagementFactory.OPERATING_SYSTEM_MXBEAN_NAME);
        } catch (JMException e) {
            return null;
        }
    }
}
