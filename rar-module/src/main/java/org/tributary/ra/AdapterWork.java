package org.tributary.ra;

import jakarta.resource.spi.work.HintsContext;
import jakarta.resource.spi.work.Work;
import jakarta.resource.spi.work.WorkContext;
import jakarta.resource.spi.work.WorkContextProvider;

import java.util.List;

/**
 * A task run by the WorkManager. Long-running work (selector and sender loops) carries the JCA
 * long-running hint so the server gives it a thread from its long-running pool; {@link #release()}
 * asks it to stop.
 */
final class AdapterWork implements Work, WorkContextProvider {

    private final Runnable task;
    private final Runnable onRelease;
    private final boolean longRunning;
    private final String name;

    private AdapterWork(String name, Runnable task, Runnable onRelease, boolean longRunning) {
        this.name = name;
        this.task = task;
        this.onRelease = onRelease;
        this.longRunning = longRunning;
    }

    static AdapterWork longRunning(String name, Runnable task, Runnable onRelease) {
        return new AdapterWork(name, task, onRelease, true);
    }

    static AdapterWork shortTask(Runnable task) {
        return new AdapterWork("tributary-task", task, () -> { }, false);
    }

    @Override
    public void run() {
        task.run();
    }

    @Override
    public void release() {
        onRelease.run();
    }

    @Override
    public List<WorkContext> getWorkContexts() {
        HintsContext hints = new HintsContext();
        hints.setName(name);
        if (longRunning) {
            hints.setHint(HintsContext.LONGRUNNING_HINT, Boolean.TRUE);
        }
        return List.of(hints);
    }
}
