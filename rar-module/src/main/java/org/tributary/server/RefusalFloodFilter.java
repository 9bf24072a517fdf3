package org.tributary.server;

import org.tributary.api.event.AccessRecord;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.logging.Logger;

/**
 * Keeps a flood of refused requests from becoming a flood of access-log lines and history rows (kept a year).
 * Refusals are grouped by client address, status and folder asked for, in windows: the first
 * {@code perWindow} of a group in a window pass as they are, the rest are only counted and passed as one
 * record carrying that count when the window ends. Records of sessions always pass. Memory is bounded: past
 * {@link #MAX_GROUPS} groups, new ones share one overflow group per status.
 */
public final class RefusalFloodFilter implements Consumer<AccessRecord> {

    private static final Logger LOG = Logger.getLogger(RefusalFloodFilter.class.getName());
    static final int MAX_GROUPS = 10_000;
    private static final String ANY = "*";

    private record Group(String client, int status, String folder) {
    }

    private static final class Window {
        final long startNanos;
        int passed;
        int folded;
        Instant firstFolded;
        AccessRecord lastFolded;

        Window(long startNanos) {
            this.startNanos = startNanos;
        }
    }

    private final Consumer<AccessRecord> sink;
    private final int perWindow;
    private final long windowNanos;
    private final LongSupplier nanoClock;
    /** In the order the windows started, so the ended ones are found at the front. */
    private final Map<Group, Window> windows = new LinkedHashMap<>();

    /** @param perWindow refusals of one group recorded one by one per window; 0 records every refusal */
    public RefusalFloodFilter(Consumer<AccessRecord> sink, int perWindow, int windowSeconds) {
        this(sink, perWindow, windowSeconds, System::nanoTime);
    }

    RefusalFloodFilter(Consumer<AccessRecord> sink, int perWindow, int windowSeconds, LongSupplier nanoClock) {
        this.sink = sink;
        this.perWindow = perWindow;
        this.windowNanos = windowSeconds * 1_000_000_000L;
        this.nanoClock = nanoClock;
    }

    @Override
    public void accept(AccessRecord record) {
        if (record.kind() != AccessRecord.Kind.REFUSAL || perWindow == 0) {
            sink.accept(record);
            return;
        }
        long now = nanoClock.getAsLong();
        List<AccessRecord> out = new ArrayList<>(2);
        synchronized (windows) {
            endWindows(now, false, out);
            Group group = new Group(record.clientAddress(), record.status(), folder(record.uriStem()));
            if (!windows.containsKey(group) && windows.size() >= MAX_GROUPS) {
                group = new Group(ANY, record.status(), ANY);
            }
            Window w = windows.computeIfAbsent(group, g -> new Window(now));
            if (w.passed < perWindow) {
                w.passed++;
                out.add(record);
            } else {
                if (w.folded == 0) {
                    w.firstFolded = record.startedAt();
                    LOG.warning("more than " + perWindow + " requests from " + group.client + " refused with "
                            + group.status + " in " + group.folder + " within " + windowNanos / 1_000_000_000L
                            + " s: the rest of this window are counted in one access record");
                }
                w.folded++;
                w.lastFolded = record;
            }
        }
        out.forEach(sink);
    }

    /** Passes the counts of the windows that have ended (the housekeeping calls this every second). */
    public void flushEnded() {
        flush(false);
    }

    /** Passes every count now (when the adapter stops). */
    public void flushAll() {
        flush(true);
    }

    private void flush(boolean all) {
        List<AccessRecord> out = new ArrayList<>();
        synchronized (windows) {
            endWindows(nanoClock.getAsLong(), all, out);
        }
        out.forEach(sink);
    }

    private void endWindows(long now, boolean all, List<AccessRecord> out) {
        for (Iterator<Map.Entry<Group, Window>> it = windows.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Group, Window> e = it.next();
            Window w = e.getValue();
            if (!all && now - w.startNanos < windowNanos) {
                return; // this one and the rest started later
            }
            it.remove();
            if (w.folded > 0) {
                Group g = e.getKey();
                String stem = g.folder.equals(ANY) ? "/" + ANY : g.folder + ANY;
                out.add(w.lastFolded.folding(UUID.randomUUID().toString(), w.folded, w.firstFolded, stem,
                        w.folded + " more like this, folded (last: " + w.lastFolded.endReason() + ")"));
            }
        }
    }

    /** The folder of a request path, with both slashes: "/a/b.mp4" gives "/a/", "/b.mp4" gives "/". */
    static String folder(String uriStem) {
        if (uriStem == null) {
            return "/";
        }
        int slash = uriStem.lastIndexOf('/');
        return slash < 0 ? "/" : uriStem.substring(0, slash + 1);
    }
}
