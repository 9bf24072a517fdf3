package org.tributary.engine;

import org.tributary.transport.SendPath;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every {@link StreamingEngineTest} again, the loops waiting in their own native event loops (epoll_wait). */
class StreamingEngineBatchedTest extends StreamingEngineTest {

    @Override
    protected SendPath sendPath() {
        SendPath path = SendPath.choose(true);
        if (System.getProperty("os.name").toLowerCase().contains("linux")
                && System.getProperty("os.arch").matches("amd64|x86_64")) {
            assertEquals(SendPath.BATCHED, path.mode(), path.detail());
        }
        return path;
    }
}
