package org.tributary.ejb.logs;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;

/** Run in a separate JVM by {@link RollingLogFileCrashTest}: writes numbered lines until it is killed. */
public final class LogWriterCrashMain {

    private LogWriterCrashMain() {
    }

    public static void main(String[] args) throws Exception {
        W3cAccessLogFormat format = new W3cAccessLogFormat("Tributary/crash-test", ZoneOffset.UTC);
        RollingLogFile log = new RollingLogFile(Path.of(args[0]), format::header, 20_000, 7, Clock.systemUTC(),
                ZoneOffset.UTC);
        for (long n = 0; ; n++) {
            log.append(format.line(Records.session("/clip-" + n + ".mp4", "crash test " + n, n, n, 0)));
        }
    }
}
