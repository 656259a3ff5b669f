package app.booksflow.desktop.sync.faults;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The server behind the proxy in tests: the JDK's HTTP server with a few endpoints that say what they received.
 * <ul>
 * <li>POST /echo answers the request body, with its SHA-256 in X-Request-Sha256;</li>
 * <li>GET /bytes?n=N[&amp;chunked] answers N bytes of {@link #bytes(int)}, chunked or with a length;</li>
 * <li>POST /count counts the complete bodies it received (a truncated one is not counted) and answers the count
 * of that body;</li>
 * <li>GET /wait?millis=N answers "late" after N ms, like a long poll.</li>
 * </ul>
 */
final class TestUpstream implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Map<String, AtomicInteger> bodies = new ConcurrentHashMap<>();
    private final List<Long> arrivals = new CopyOnWriteArrayList<>();

    TestUpstream() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.setExecutor(executor);
        server.createContext("/echo", exchange -> {
            byte[] body = readAll(exchange);
            exchange.getResponseHeaders().add("X-Request-Sha256", sha256(body));
            respond(exchange, body, false);
        });
        server.createContext("/bytes", exchange -> {
            String query = exchange.getRequestURI().getQuery();
            int n = Integer.parseInt(query.replaceAll(".*n=(\\d+).*", "$1"));
            readAll(exchange);
            respond(exchange, bytes(n), query.contains("chunked"));
        });
        server.createContext("/count", exchange -> {
            arrivals.add(System.nanoTime());
            String body = new String(readAll(exchange), StandardCharsets.UTF_8);
            int count = bodies.computeIfAbsent(body, b -> new AtomicInteger()).incrementAndGet();
            respond(exchange, String.valueOf(count).getBytes(StandardCharsets.UTF_8), false);
        });
        server.createContext("/wait", exchange -> {
            long millis = Long.parseLong(exchange.getRequestURI().getQuery().replaceAll(".*millis=(\\d+).*", "$1"));
            readAll(exchange);
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            respond(exchange, "late".getBytes(StandardCharsets.UTF_8), false);
        });
        server.start();
    }

    InetSocketAddress address() {
        return server.getAddress();
    }

    URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + pathAndQuery);
    }

    /** How many complete copies of this body /count received. */
    int received(String body) {
        AtomicInteger count = bodies.get(body);
        return count == null ? 0 : count.get();
    }

    /** System.nanoTime() of each /count request's arrival. */
    List<Long> arrivals() {
        return List.copyOf(arrivals);
    }

    /** Reproducible bytes that are not all alike, so an offset error shows. */
    static byte[] bytes(int n) {
        byte[] bytes = new byte[n];
        long x = 0x2545F4914F6CDD1DL;
        for (int i = 0; i < n; i++) {
            x ^= x << 13;
            x ^= x >>> 7;
            x ^= x << 17;
            bytes[i] = (byte) x;
        }
        return bytes;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private static byte[] readAll(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            return in.readAllBytes();
        }
    }

    private static void respond(HttpExchange exchange, byte[] body, boolean chunked) throws IOException {
        exchange.sendResponseHeaders(200, chunked ? 0 : body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
