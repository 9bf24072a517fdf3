package org.tributary.transport;

import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.Native;
import io.netty.util.ResourceLeakDetector;
import io.netty.util.Version;

/** Whether Netty's native epoll library loads here, asked once; kept apart so a missing library fails only here. */
final class NativeEpoll {

    private NativeEpoll() {
    }

    /** Null when the library loaded and the kernel has sendmmsg; else why not. */
    static String unavailable() {
        try {
            // The adapter's own copy of Netty: every buffer it allocates is released by the flush that sends it, and
            // tracking a sample of them (a stack trace each) cost 4 % of the sender threads' time under load.
            ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.DISABLED);
            if (!Epoll.isAvailable()) {
                Throwable cause = Epoll.unavailabilityCause();
                return cause == null ? "unknown cause" : cause.toString();
            }
            return Native.IS_SUPPORTING_SENDMMSG ? null : "the C library has no sendmmsg";
        } catch (LinkageError e) {
            return e.toString();
        }
    }

    /** Netty's version, as its jar says. */
    static String version() {
        Version v = Version.identify(Epoll.class.getClassLoader()).get("netty-transport-classes-epoll");
        return v == null ? "(unknown version)" : v.artifactVersion();
    }
}
