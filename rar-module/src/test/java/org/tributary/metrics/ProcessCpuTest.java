package org.tributary.metrics;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

class ProcessCpuTest {

    @Test
    void theLoadIsAShareOfTheMachineOnceTheJvmHasSampledIt() throws InterruptedException {
        double load = -1;
        long deadline = System.nanoTime() + 5_000_000_000L;
        long spin = 0;
        while (load < 0 && System.nanoTime() < deadline) { // the first reading may come before the JVM's first sample
            for (int i = 0; i < 1_000_000; i++) {
                spin += i ^ spin;
            }
            Thread.sleep(50);
            load = ProcessCpu.load();
        }
        assertTrue(load >= 0 && load <= 1, "load " + load + " (spin " + spin + ")");
    }
}
