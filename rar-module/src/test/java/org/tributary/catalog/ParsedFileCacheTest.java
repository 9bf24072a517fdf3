package org.tributary.catalog;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class ParsedFileCacheTest {
    private final ParsedFileCache<String> cache = new ParsedFileCache<>(100);
    private final Path a = Path.of("a.mp4");
    private final Path b = Path.of("b.mp4");

    @Test
    void aFailureIsRememberedUntilTheFileChanges() {
        AtomicInteger parses = new AtomicInteger();
        ParsedFileCache.Parser<String> broken = f -> {
            parses.incrementAndGet();
            throw new IllegalStateException("broken");
        };
        assertEquals("broken", cache.get(a, 10, 1, broken).failure().getMessage());
        assertEquals("broken", cache.get(a, 10, 1, broken).failure().getMessage());
        assertEquals(1, parses.get(), "the same version of a broken file is parsed once");
        cache.get(a, 11, 1, broken);
        cache.get(a, 11, 2, broken);
        assertEquals(3, parses.get(), "a new size or modification time is parsed again");
        assertEquals("ok", cache.get(a, 11, 3, f -> "ok").value());
    }

    @Test
    void anIoExceptionIsNotRemembered() {
        AtomicInteger parses = new AtomicInteger();
        ParsedFileCache.Parser<String> unreadable = f -> {
            parses.incrementAndGet();
            throw new IOException("too many open files");
        };
        cache.get(a, 10, 1, unreadable);
        cache.get(a, 10, 1, unreadable);
        assertEquals(2, parses.get());
    }

    @Test
    void anErrorReachesNoWaiterAsAHangAndIsNotRemembered() {
        assertThrows(OutOfMemoryError.class, () -> cache.get(a, 1, 1, f -> {
            throw new OutOfMemoryError("crafted");
        }));
        assertEquals("fine", cache.get(a, 1, 1, f -> "fine").value());
    }

    @Test
    void parsingOneFileHoldsUpNoOtherAndSharesItsResult() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger parsesOfA = new AtomicInteger();
        ParsedFileCache.Parser<String> slow = f -> {
            parsesOfA.incrementAndGet();
            started.countDown();
            assertTrue(release.await(30, TimeUnit.SECONDS));
            return "A";
        };
        CompletableFuture<ParsedFileCache.Outcome<String>> first = CompletableFuture.supplyAsync(() -> cache.get(a, 1, 1, slow));
        assertTrue(started.await(30, TimeUnit.SECONDS));
        CompletableFuture<ParsedFileCache.Outcome<String>> second = CompletableFuture.supplyAsync(() -> cache.get(a, 1, 1, slow));
        assertEquals("B", cache.get(b, 1, 1, f -> "B").value(), "b is served while a is being parsed");
        assertFalse(second.isDone(), "a second request for a waits for the parse under way");
        release.countDown();
        assertEquals("A", first.get(30, TimeUnit.SECONDS).value());
        assertEquals("A", second.get(30, TimeUnit.SECONDS).value());
        assertEquals(1, parsesOfA.get());
    }

    @Test
    void rememberedFailuresAreBounded() {
        ParsedFileCache<String> small = new ParsedFileCache<>(10);
        for (int i = 0; i < 1000; i++) {
            small.get(Path.of("broken" + i + ".mp4"), 1, 1, f -> {
                throw new IllegalStateException("broken");
            });
        }
        assertTrue(small.size() <= 11, "entries: " + small.size());
    }
}
