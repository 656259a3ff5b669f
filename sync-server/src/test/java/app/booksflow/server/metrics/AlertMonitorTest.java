package app.booksflow.server.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.booksflow.json.BooksFlowJson;
import app.booksflow.server.support.MutableClock;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The alert rules against a real local webhook receiver, on a clock the test moves. */
class AlertMonitorTest {

    private static final ObjectMapper JSON = BooksFlowJson.newMapper();

    private final MutableClock clock = new MutableClock(Instant.parse("2025-06-02T08:00:00Z"));
    private final LiveStats stats = new LiveStats(clock);
    private final List<JsonNode> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger answer = new AtomicInteger(204);
    private HttpServer receiver;
    private AlertMonitor monitor;

    @BeforeEach
    void start() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            int status = answer.get();
            if (status / 100 == 2) {
                received.add(JSON.readTree(body));
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        receiver.start();
        URI hook = URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook");
        monitor = new AlertMonitor(new AlertMonitor.Rules(hook, 100, 1.0, Duration.ofMinutes(2), Duration.ofMinutes(1)),
                stats, clock, JSON, "test-server");
    }

    @AfterEach
    void stop() {
        receiver.stop(0);
    }

    @Test
    void aSlowSpellFiresOnlyOnceItHasLastedTheHoldTimeAndResolvesOnceRecoveredAsLong() {
        runFor(Duration.ofSeconds(90), 250, false);
        assertThat(received).as("90 s of slowness is under the two-minute hold").isEmpty();

        runFor(Duration.ofSeconds(40), 250, false);
        assertThat(received).singleElement().satisfies(notice -> {
            assertThat(notice.get("alert").asText()).isEqualTo("latency");
            assertThat(notice.get("status").asText()).isEqualTo("firing");
            assertThat(notice.get("value").asDouble()).isGreaterThan(200);
            assertThat(notice.get("threshold").asDouble()).isEqualTo(100);
            assertThat(notice.get("server").asText()).isEqualTo("test-server");
        });
        assertThat(monitor.firing()).containsExactly("latency");

        runFor(Duration.ofSeconds(150), 5, false);
        runFor(Duration.ofSeconds(90), 5, false);
        assertThat(received).extracting(n -> n.get("status").asText()).containsExactly("firing", "resolved");
        assertThat(received.get(1).get("value").asDouble()).isLessThan(10);
        assertThat(monitor.firing()).isEmpty();
    }

    @Test
    void aShortBlipFiresNothing() {
        runFor(Duration.ofSeconds(60), 5, false);
        runFor(Duration.ofSeconds(20), 900, true);
        runFor(Duration.ofSeconds(300), 5, false);

        assertThat(received).isEmpty();
    }

    @Test
    void errorsFireTheirOwnAlert() {
        runFor(Duration.ofMinutes(4), 5, true);

        assertThat(received).extracting(n -> n.get("alert").asText()).containsExactly("errors");
        assertThat(received.get(0).get("value").asDouble()).isGreaterThan(1.0);
    }

    @Test
    void aWebhookThatFailsGetsTheNoticesLaterInTheirOrder() {
        answer.set(503);
        runFor(Duration.ofMinutes(3), 400, false);
        runFor(Duration.ofMinutes(4), 5, false);
        assertThat(received).isEmpty();

        answer.set(200);
        monitor.evaluate();

        assertThat(received).extracting(n -> n.get("status").asText()).containsExactly("firing", "resolved");
    }

    @Test
    void anAddressThatIsNotHttpIsRefused() {
        assertThatThrownBy(() -> new AlertMonitor.Rules(URI.create("file:///tmp/alerts"), 100, 1, Duration.ZERO,
                Duration.ofMinutes(1))).hasMessageContaining("http or https");
    }

    /** Ten requests a second of the given speed, judged every five seconds as the server does. */
    private void runFor(Duration span, long millis, boolean failing) {
        for (long s = 0; s < span.toSeconds(); s++) {
            for (int i = 0; i < 10; i++) {
                stats.record(failing && i < 3, millis * 1_000_000L, "user");
            }
            clock.advance(Duration.ofSeconds(1));
            if (s % 5 == 4) {
                monitor.evaluate();
            }
        }
    }
}
