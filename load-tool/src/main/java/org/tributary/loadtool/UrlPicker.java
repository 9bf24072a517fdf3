package org.tributary.loadtool;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/** Chooses the URL for session number i, round robin or at random. */
final class UrlPicker {
    private final List<String> urls;
    private final UrlOrder order;

    UrlPicker(List<String> urls, UrlOrder order) {
        if (urls.isEmpty()) {
            throw new IllegalArgumentException("no URL given");
        }
        this.urls = List.copyOf(urls);
        this.order = order;
    }

    String pick(int sessionIndex) {
        if (order == UrlOrder.RANDOM) {
            return urls.get(ThreadLocalRandom.current().nextInt(urls.size()));
        }
        return urls.get(sessionIndex % urls.size());
    }
}
