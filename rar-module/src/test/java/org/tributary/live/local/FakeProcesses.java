package org.tributary.live.local;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** A launcher of fake processes for the supervisor's tests: records what it started, ends them on request. */
final class FakeProcesses implements BroadcasterProcess.Launcher {

    final List<Fake> started = new ArrayList<>();
    final List<List<String>> commands = new ArrayList<>();
    /** Runs as each process starts (a test publishing its path, say). */
    Consumer<Fake> onStart = p -> { };
    /** When set, starting fails as a missing program does. */
    String failure;
    /** Whether a fake ends at SIGTERM, or only at SIGKILL. */
    boolean endsOnSigterm = true;

    @Override
    public synchronized BroadcasterProcess start(String name, List<String> command) throws IOException {
        if (failure != null) {
            throw new IOException(failure);
        }
        Fake fake = new Fake(1000 + started.size());
        started.add(fake);
        commands.add(command);
        onStart.accept(fake);
        return fake;
    }

    synchronized Fake last() {
        return started.get(started.size() - 1);
    }

    synchronized int count() {
        return started.size();
    }

    final class Fake implements BroadcasterProcess {
        private final long pid;
        private volatile Integer exitCode;
        volatile boolean sigterm;
        volatile boolean sigkill;

        Fake(long pid) {
            this.pid = pid;
        }

        /** The process exits on its own. */
        void exit(int code) {
            exitCode = code;
        }

        @Override
        public long pid() {
            return pid;
        }

        @Override
        public boolean isAlive() {
            return exitCode == null;
        }

        @Override
        public int exitCode() {
            return exitCode;
        }

        @Override
        public void destroy() {
            sigterm = true;
            if (endsOnSigterm && exitCode == null) {
                exitCode = 143;
            }
        }

        @Override
        public void destroyForcibly() {
            sigkill = true;
            if (exitCode == null) {
                exitCode = 137;
            }
        }

        @Override
        public boolean waitFor(long millis) {
            return exitCode != null;
        }
    }
}
