package org.tributary.loadtool.hls;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import java.util.zip.GZIPInputStream;

/**
 * The viewers' one HTTP/1.1 client (its keep-alive connections are shared by every viewer; its callbacks run on
 * the given small executor) and the two ways they load: a playlist as text, accepting gzip as browsers do, and a
 * segment counted and discarded. A load never completes exceptionally: a failure is a {@link Loaded} with an
 * error word. Counts the loads in flight so a run can let them finish at its end.
 */
public final class HttpFetcher {
    static final String USER_AGENT = "TributaryLoadTool/0.1";

    private final HttpClient client;
    private final Duration timeout;
    private final AtomicInteger inFlight = new AtomicInteger();

    /**
     * What one load brought.
     *
     * @param uri    the URL answered, after redirects (playlist URIs are relative to it)
     * @param bytes  body bytes received as sent (compressed, for a gzipped playlist)
     * @param text   a playlist's text; null for a segment or a failure
     * @param error  null on success, else the status ({@code "404"}) or a word: timeout, connect, io, gzip (a
     *               playlist that does not inflate), bad-uri (not an http(s) URL)
     */
    public record Loaded(URI uri, long bytes, String text, String error) {
        boolean ok() {
            return error == null;
        }
    }

    /**
     * @param timeout  the connect timeout, and the longest wait for an answer's head
     * @param executor runs the client's callbacks and the viewers' reactions to them
     */
    public HttpFetcher(Duration timeout, Executor executor) {
        this.timeout = timeout;
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .executor(executor)
                .build();
    }

    /** Loads a playlist and decodes it as UTF-8. */
    CompletableFuture<Loaded> playlist(URI uri) {
        return send(uri, true, HttpResponse.BodyHandlers.ofByteArray(), body -> body.length, HttpFetcher::decoded);
    }

    /** Loads a segment (init or media), counting its bytes without keeping them. */
    CompletableFuture<Loaded> segment(URI uri) {
        HttpResponse.BodyHandler<Long> counted = info -> HttpResponse.BodySubscribers.fromSubscriber(
                new ByteCounter(), ByteCounter::total);
        return send(uri, false, counted, Long::longValue,
                response -> new Loaded(response.uri(), response.body(), null, null));
    }

    /**
     * Sends a GET; a 2xx answer goes to {@code success}, any other becomes an error with the bytes it brought.
     */
    private <T> CompletableFuture<Loaded> send(URI uri, boolean acceptGzip, HttpResponse.BodyHandler<T> handler,
                                               ToLongFunction<T> size, Function<HttpResponse<T>, Loaded> success) {
        HttpRequest request;
        try {
            HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(timeout)
                    .header("User-Agent", USER_AGENT).GET();
            if (acceptGzip) {
                builder.header("Accept-Encoding", "gzip");
            }
            request = builder.build();
        } catch (IllegalArgumentException e) {
            return CompletableFuture.completedFuture(new Loaded(uri, 0, null, "bad-uri"));
        }
        inFlight.incrementAndGet();
        return client.sendAsync(request, handler).handle((response, failure) -> {
            inFlight.decrementAndGet();
            if (failure != null) {
                return new Loaded(uri, 0, null, word(failure));
            }
            int status = response.statusCode();
            if (status < 200 || status > 299) {
                return new Loaded(response.uri(), size.applyAsLong(response.body()), null, Integer.toString(status));
            }
            return success.apply(response);
        });
    }

    private static Loaded decoded(HttpResponse<byte[]> response) {
        byte[] body = response.body();
        String encoding = response.headers().firstValue("Content-Encoding").orElse("");
        try {
            byte[] plain = encoding.equalsIgnoreCase("gzip") ? gunzip(body) : body;
            return new Loaded(response.uri(), body.length,
                    new String(plain, StandardCharsets.UTF_8), null);
        } catch (IOException e) {
            return new Loaded(response.uri(), body.length, null, "gzip");
        }
    }

    private static byte[] gunzip(byte[] body) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            return in.readAllBytes();
        }
    }

    private static String word(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (cause instanceof HttpTimeoutException) {
            return "timeout";
        }
        if (cause instanceof ConnectException) {
            return "connect";
        }
        return cause instanceof IOException ? "io" : cause.getClass().getSimpleName();
    }

    /** Loads sent and not yet answered (or failed). */
    public int inFlight() {
        return inFlight.get();
    }

    /** Waits up to {@code millis} for every load in flight to end; true if none is left. */
    public boolean awaitIdle(long millis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (inFlight.get() > 0) {
            if (System.nanoTime() - deadline >= 0) {
                return false;
            }
            Thread.sleep(10);
        }
        return true;
    }

    /** A body subscriber that only adds up the bytes it is given. */
    private static final class ByteCounter implements Flow.Subscriber<List<ByteBuffer>> {
        private long total;

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            for (ByteBuffer b : buffers) {
                total += b.remaining();
            }
        }

        @Override
        public void onError(Throwable error) {
            // The client completes the response exceptionally; send() turns that into an error word.
        }

        @Override
        public void onComplete() {
            // total is read by the finisher once the body has ended.
        }

        long total() {
            return total;
        }
    }
}
