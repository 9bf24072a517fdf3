package org.tributary.server;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.tributary.api.event.AccessRecord;

class RefusalFloodFilterTest {
    private static final long SECOND = 1_000_000_000L;
    private final List<AccessRecord> passed = new ArrayList<>();
    private final AtomicLong clock = new AtomicLong();
    private final RefusalFloodFilter filter = new RefusalFloodFilter(passed::add, 3, 60, clock::get);

    private static AccessRecord refusal(String client, String path, int status) {
        Instant now = Instant.now();
        return new AccessRecord(UUID.randomUUID().toString(), AccessRecord.Kind.REFUSAL, null, client, "h", now, now,
                -1, "/" + path, null, status, "no media file '" + path + "'", "flooder", -1, -1, -1, null, null, null,
                0, 0, 0, -1, "127.0.0.1", "h", 0, -1, null, null, AccessRecord.RTP);
    }

    private int total() {
        return passed.stream().mapToInt(AccessRecord::count).sum();
    }

    @Test
    void aFloodFromOneAddressBecomesAFewRecordsAndOneCountedRecordPerWindow() {
        for (int i = 0; i < 2000; i++) {
            filter.accept(refusal("192.0.2.1", "movies/missing-" + i + ".mp4", 404));
        }
        assertEquals(3, passed.size(), "the first three pass as they are");
        clock.addAndGet(59 * SECOND);
        filter.flushEnded();
        assertEquals(3, passed.size(), "the window is not over");
        clock.addAndGet(SECOND);
        filter.flushEnded();
        assertEquals(4, passed.size());
        AccessRecord folded = passed.get(3);
        assertEquals(1997, folded.count());
        assertEquals("/movies/*", folded.uriStem());
        assertEquals(404, folded.status());
        assertEquals("192.0.2.1", folded.clientAddress());
        assertTrue(folded.endReason().startsWith("1997 more like this"), folded.endReason());
        assertEquals(2000, total());
        filter.accept(refusal("192.0.2.1", "movies/again.mp4", 404));
        assertEquals(5, passed.size(), "a new window records again");
    }

    @Test
    void groupsAreByAddressStatusAndFolder() {
        for (int i = 0; i < 4; i++) {
            filter.accept(refusal("192.0.2.1", "a/x.mp4", 404));
            filter.accept(refusal("192.0.2.2", "a/x.mp4", 404));
            filter.accept(refusal("192.0.2.1", "a/x.mp4", 403));
            filter.accept(refusal("192.0.2.1", "b/x.mp4", 404));
        }
        assertEquals(12, passed.size());
        filter.flushAll();
        assertEquals(16, passed.size());
        assertEquals(16, total());
    }

    @Test
    void sessionsAlwaysPassAndZeroRecordsEveryRefusal() {
        RefusalFloodFilter off = new RefusalFloodFilter(passed::add, 0, 60, clock::get);
        for (int i = 0; i < 100; i++) {
            off.accept(refusal("192.0.2.1", "x.mp4", 404));
        }
        assertEquals(100, passed.size());
    }

    @Test
    void memoryIsBoundedWhateverTheAddressesAndFolders() {
        int n = RefusalFloodFilter.MAX_GROUPS * 3;
        for (int i = 0; i < n; i++) {
            filter.accept(refusal("10." + (i >> 16 & 255) + "." + (i >> 8 & 255) + "." + (i & 255), "f" + i + "/x.mp4", 404));
        }
        assertTrue(passed.size() <= RefusalFloodFilter.MAX_GROUPS + 3, "records: " + passed.size());
        filter.flushAll();
        assertEquals(n, total(), "every refusal is counted");
        assertTrue(passed.stream().anyMatch(r -> r.uriStem().equals("/*") && r.count() > 1), "the overflow group's record");
    }

    @Test
    void folderOfAPath() {
        assertEquals("/a/b/", RefusalFloodFilter.folder("/a/b/c.mp4"));
        assertEquals("/", RefusalFloodFilter.folder("/c.mp4"));
        assertEquals("/", RefusalFloodFilter.folder(null));
    }
}
