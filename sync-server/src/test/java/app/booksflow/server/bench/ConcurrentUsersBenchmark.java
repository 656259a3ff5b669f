package app.booksflow.server.bench;

import app.booksflow.json.BooksFlowJson;
import app.booksflow.model.practice.Role;
import app.booksflow.protocol.ProtocolVersion;
import app.booksflow.server.support.Practice;
import app.booksflow.server.support.TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Many signed-in users at once, each holding a long poll open as the desktop's sync engine does, while
 * transactions are posted and a dashboard is read: the practices' users waiting on the server, the time
 * an edit takes to reach every user of its client (the watch answers, then the pull that fetches it), and
 * how a dashboard read fares meanwhile. The real server over HTTP on the loopback address, embedded
 * PostgreSQL; one HTTP client for all users, one virtual thread per user.
 *
 * <p>Run by hand: {@code java -cp <sync-server test class path> app.booksflow.server.bench.ConcurrentUsersBenchmark
 * [practices] [users per practice] [seconds measured]} (20, 100 and 60 by default: 2,000 users).
 */
public final class ConcurrentUsersBenchmark {

    private static final ObjectMapper JSON = BooksFlowJson.newMapper();
    private static final int WAIT_SECONDS = 25;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;
    /** When the last transaction of each practice's client was posted, by client id. */
    private final Map<String, Long> postedAt = new ConcurrentHashMap<>();
    private final List<Long> reachedMicros = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger waiting = new AtomicInteger();
    private final AtomicInteger failures = new AtomicInteger();
    private final AtomicBoolean running = new AtomicBoolean(true);

    private ConcurrentUsersBenchmark(String base) {
        this.base = base;
    }

    public static void main(String[] args) throws Exception {
        int practices = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int usersEach = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 60;
        try (TestServer server = TestServer.start()) {
            new ConcurrentUsersBenchmark(server.baseUrl()).run(server, practices, usersEach, seconds);
        }
    }

    private record User(String token, String client) {
    }

    private void run(TestServer server, int practiceCount, int usersEach, int seconds) throws Exception {
        long preparing = System.nanoTime();
        List<Practice> practices = new ArrayList<>();
        List<User> users = new ArrayList<>();
        for (int p = 0; p < practiceCount; p++) {
            Practice practice = Practice.create(server, "many" + p);
            practices.add(practice);
            String client = practice.client.id().toString();
            for (int u = 0; u < usersEach; u++) {
                String email = "user" + u + "@many" + p + ".example";
                var user = server.server.accounts().createUser(Optional.empty(), practice.organization.id(), email,
                        "User " + u, Role.ACCOUNTANT, Optional.empty(), Practice.PASSWORD.toCharArray());
                practice.admin.post("/api/v1/admin/assignments", Map.of("accountant", user.id(), "client", client));
                users.add(new User(signIn(email), client));
            }
        }
        System.out.printf("%,d users of %d practices signed in in %.1f s%n", users.size(), practiceCount,
                (System.nanoTime() - preparing) / 1e9);

        CountDownLatch watching = new CountDownLatch(users.size());
        List<Thread> threads = new ArrayList<>();
        for (User user : users) {
            threads.add(Thread.ofVirtual().start(() -> watchAndPull(user, watching)));
        }
        if (!watching.await(120, TimeUnit.SECONDS)) {
            throw new IllegalStateException("Not every user's first long poll got out: " + watching.getCount() + " left");
        }
        Thread.sleep(2_000);
        System.out.printf("long polls waiting on the server: %,d of %,d users%n", waiting.get(), users.size());

        List<Long> dashboardMicros = Collections.synchronizedList(new ArrayList<>());
        Practice reader = practices.getFirst();
        Thread dashboards = Thread.ofVirtual().start(() -> {
            while (running.get()) {
                long started = System.nanoTime();
                HttpResponse<String> answer = send(reader.accountant.token(),
                        "/api/v1/analytics/dashboard?client=" + reader.client.id(), null);
                if (answer != null && answer.statusCode() == 200) {
                    dashboardMicros.add((System.nanoTime() - started) / 1_000);
                } else {
                    failures.incrementAndGet();
                }
                sleep(200);
            }
        });

        int posts = 0;
        long measuring = System.nanoTime();
        long end = measuring + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < end) {
            Practice practice = practices.get(posts % practices.size());
            postedAt.put(practice.client.id().toString(), System.nanoTime());
            HttpResponse<String> posted = send(practice.accountant.token(), "/api/v1/transactions",
                    JSON.writeValueAsString(practice.purchase(LocalDate.of(2025, 5, 1 + posts % 28), "Posted " + posts,
                            1_000 + posts)));
            if (posted == null || posted.statusCode() != 201) {
                failures.incrementAndGet();
            }
            posts++;
            sleep(1_000);
        }
        running.set(false);
        dashboards.join();

        JsonNode status = JSON.readTree(send(practices.getFirst().admin.token(), "/api/v1/admin/status", null).body());
        var heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        long openFiles;
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            openFiles = fds.count();
        }
        System.out.printf("%d transactions posted in %d s, each watched by the %d users of its client%n", posts, seconds,
                usersEach);
        System.out.printf("an edit reaching a watching user (watch answered, then pulled): %,d deliveries, p50 %.0f ms, "
                + "p95 %.0f ms, p99 %.0f ms, max %.0f ms%n", reachedMicros.size(), percentile(reachedMicros, 50) / 1e3,
                percentile(reachedMicros, 95) / 1e3, percentile(reachedMicros, 99) / 1e3,
                percentile(reachedMicros, 100) / 1e3);
        System.out.printf("dashboard read meanwhile: %d reads, p50 %.1f ms, p95 %.1f ms, max %.1f ms%n",
                dashboardMicros.size(), percentile(dashboardMicros, 50) / 1e3, percentile(dashboardMicros, 95) / 1e3,
                percentile(dashboardMicros, 100) / 1e3);
        System.out.printf("status page: active users %d, pool %s; failed requests %d; long polls waiting at the end %,d%n",
                status.path("activeUsers").asInt(), status.path("pool"), failures.get(), waiting.get());
        System.out.printf("this JVM (server and users): heap in use %d MiB, platform threads %d, open files %,d%n",
                heap.getUsed() / (1024 * 1024), ManagementFactory.getThreadMXBean().getThreadCount(), openFiles);
        threads.forEach(Thread::interrupt);
    }

    /** The desktop's loop in short: watch the client, and when it is behind pull what is new. */
    private void watchAndPull(User user, CountDownLatch watching) {
        String cursor = pull(user, "").path("nextCursor").asText();
        boolean first = true;
        while (running.get()) {
            String watch = "{\"schemaVersion\":" + ProtocolVersion.CURRENT + ",\"cursors\":[{\"clientId\":\"" + user.client()
                    + "\",\"cursor\":\"" + cursor + "\"}],\"waitSeconds\":" + WAIT_SECONDS + "}";
            if (first) {
                watching.countDown();
                first = false;
            }
            waiting.incrementAndGet();
            HttpResponse<String> answer = send(user.token(), "/api/v1/sync/watch", watch);
            waiting.decrementAndGet();
            if (answer == null || answer.statusCode() != 200) {
                failures.incrementAndGet();
                sleep(1_000);
                continue;
            }
            if (!read(answer.body()).path("behind").isEmpty()) {
                JsonNode page = pull(user, cursor);
                cursor = page.path("nextCursor").asText();
                Long posted = postedAt.get(user.client());
                if (posted != null && page.path("changes").size() > 0) {
                    reachedMicros.add((System.nanoTime() - posted) / 1_000);
                }
            }
        }
    }

    private JsonNode pull(User user, String after) {
        HttpResponse<String> page = send(user.token(), "/api/v1/sync/pull?client=" + user.client() + "&limit=1000"
                + (after.isEmpty() ? "" : "&after=" + after), null);
        if (page == null || page.statusCode() != 200) {
            failures.incrementAndGet();
            throw new IllegalStateException("A pull failed: " + (page == null ? "no answer" : page.body()));
        }
        return read(page.body());
    }

    private String signIn(String email) throws IOException, InterruptedException {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/auth/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(
                        Map.of("email", email, "password", Practice.PASSWORD)))).build(),
                HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("Sign-in of " + email + " failed: " + answer.body());
        }
        return read(answer.body()).get("token").asText();
    }

    /** GET without a body, POST of JSON with one; null when the request could not be made at all. */
    private HttpResponse<String> send(String token, String path, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(WAIT_SECONDS + 30)).header("Authorization", "Bearer " + token);
        if (body != null) {
            request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException("Not JSON: " + json, e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static double percentile(List<Long> values, double percent) {
        List<Long> sorted;
        synchronized (values) {
            sorted = new ArrayList<>(values);
        }
        if (sorted.isEmpty()) {
            return 0;
        }
        Collections.sort(sorted);
        int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
