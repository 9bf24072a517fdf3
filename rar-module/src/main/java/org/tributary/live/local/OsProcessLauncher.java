package org.tributary.live.local;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/**
 * Runs a command as an operating-system process of the server's own user, without a shell: its standard
 * input closed, its standard error merged into its output, which an {@link OutputPump} copies to the log.
 */
final class OsProcessLauncher implements BroadcasterProcess.Launcher {

    private final BiConsumer<String, Runnable> pumpStarter;

    /** @param pumpStarter starts a loop under a name on a thread of its own (the adapter's WorkManager) */
    OsProcessLauncher(BiConsumer<String, Runnable> pumpStarter) {
        this.pumpStarter = pumpStarter;
    }

    @Override
    public BroadcasterProcess start(String name, List<String> command) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        try {
            pumpStarter.accept("tributary-broadcaster-" + name, new OutputPump(name, process.getInputStream()));
        } catch (RuntimeException e) {
            process.destroyForcibly();
            throw new IOException("no thread for the output of broadcaster " + name + ": " + e.getMessage(), e);
        }
        return new OsProcess(process);
    }

    private record OsProcess(Process process) implements BroadcasterProcess {
        @Override
        public long pid() {
            return process.pid();
        }

        @Override
        public boolean isAlive() {
            return process.isAlive();
        }

        @Override
        public int exitCode() {
            return process.exitValue();
        }

        @Override
        public void destroy() {
            process.destroy();
        }

        @Override
        public void destroyForcibly() {
            process.destroyForcibly();
        }

        @Override
        public boolean waitFor(long millis) throws InterruptedException {
            return process.waitFor(millis, TimeUnit.MILLISECONDS);
        }
    }
}
