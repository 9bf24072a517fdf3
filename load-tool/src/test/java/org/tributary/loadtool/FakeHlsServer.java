package org.tributary.loadtool;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import java.util.zip.GZIPOutputStream;

/**
 * An HTTP server on 127.0.0.1 for HLS tests: bodies by path (playlists gzipped for a client that accepts gzip,
 * as Tributary does), chosen refusals by path, and a log of every request's path and query.
 */
final class FakeHlsServer implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(4);
    private final Map<String, Supplier<byte[]>> bodies = new ConcurrentHashMap<>();
    private final Map<String, Integer> refusals = new ConcurrentHashMap<>();
    /** Path and query of every request, in arrival order. */
    final List<String> requests = new CopyOnWriteArrayList<>();

    FakeHlsServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    String url(String pathAndQuery) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + pathAndQuery;
    }

    void serve(String path, String text) {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        bodies.put(path, () -> body);
    }

    void serve(String path, byte[] body) {
        bodies.put(path, () -> body);
    }

    /** A body made anew for every request (a live playlist). */
    void serve(String path, Supplier<String> text) {
        bodies.put(path, () -> text.get().getBytes(StandardCharsets.UTF_8));
    }

    void refuse(String path, int status) {
        refusals.put(path, status);
    }

    long count(String pathAndQuery) {
        return requests.stream().filter(pathAndQuery::equals).count();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            String query = exchange.getRequestURI().getRawQuery();
            requests.add(query == null ? path : path + "?" + query);
            Integer refusal = refusals.get(path);
            Supplier<byte[]> body = bodies.get(path);
            if (refusal != null || body == null) {
                exchange.sendResponseHeaders(refusal != null ? refusal : 404, -1);
                return;
            }
            byte[] bytes = body.get();
            String accepted = exchange.getRequestHeaders().getFirst("Accept-Encoding");
            if (path.endsWith(".m3u8") && accepted != null && accepted.contains("gzip")) {
                bytes = gzip(bytes);
                exchange.getResponseHeaders().set("Content-Encoding", "gzip");
            }
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    /** What a playlist of this text weighs on the wire, gzipped. */
    static int gzippedLength(String text) {
        return gzip(text.getBytes(StandardCharsets.UTF_8)).length;
    }

    private static byte[] gzip(byte[] plain) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(plain);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
