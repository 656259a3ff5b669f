package app.booksflow.desktop.sync.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The proxy without faults: bodies, keep-alive, late answers, and what close() leaves behind. */
class FaultProxyTest {

    private TestUpstream upstream;
    private FaultProxy proxy;
    private HttpClient client;

    @BeforeEach
    void start() throws IOException {
        upstream = new TestUpstream();
        proxy = FaultProxy.start(upstream.address());
        client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    @AfterEach
    void stop() {
        client.close();
        proxy.close();
        upstream.close();
    }

    @Test
    void largeRequestAndResponseBodiesPassUnchanged() throws Exception {
        byte[] body = TestUpstream.bytes(6 * 1024 * 1024 + 7);

        HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(proxy.uri().resolve("/echo"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofByteArray());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("X-Request-Sha256")).contains(TestUpstream.sha256(body));
        assertThat(TestUpstream.sha256(response.body())).isEqualTo(TestUpstream.sha256(body));
    }

    @Test
    void largeChunkedResponsePassesUnchanged() throws Exception {
        int n = 5 * 1024 * 1024 + 3;

        HttpResponse<byte[]> response = client.send(
                HttpRequest.newBuilder(proxy.uri().resolve("/bytes?n=" + n + "&chunked")).build(),
                HttpResponse.BodyHandlers.ofByteArray());

        assertThat(response.headers().firstValue("Transfer-Encoding")).contains("chunked");
        assertThat(response.body()).isEqualTo(TestUpstream.bytes(n));
    }

    @Test
    void keepAliveCarriesSeveralExchangesOnOneConnection() throws Exception {
        for (int i = 0; i < 4; i++) {
            assertThat(post("/count", "keep-" + i)).isEqualTo("1");
        }
        HttpResponse<byte[]> chunked = client.send(
                HttpRequest.newBuilder(proxy.uri().resolve("/bytes?n=100000&chunked")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(chunked.body()).isEqualTo(TestUpstream.bytes(100_000));
        assertThat(post("/echo", "after the chunks")).isEqualTo("after the chunks");

        assertThat(proxy.stats().connections()).isEqualTo(1);
        assertThat(proxy.exchanges()).extracting(decided -> decided.exchange().onConnection())
                .containsExactly(0, 1, 2, 3, 4, 5);
    }

    @Test
    void lateLongPollAnswerArrivesAndTheConnectionStaysUsable() throws Exception {
        long start = System.nanoTime();

        HttpResponse<String> response = client.send(
                HttpRequest.newBuilder(proxy.uri().resolve("/wait?millis=1500")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.body()).isEqualTo("late");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(1500));
        assertThat(post("/count", "after the wait")).isEqualTo("1");
        assertThat(proxy.stats().connections()).isEqualTo(1);
    }

    @Test
    void closeEndsEveryThreadAndConnectionOfTheProxy() throws Exception {
        CompletableFuture<HttpResponse<String>> longPoll = client.sendAsync(
                HttpRequest.newBuilder(proxy.uri().resolve("/wait?millis=60000")).build(),
                HttpResponse.BodyHandlers.ofString());
        awaitExchanges(1); // the long poll must not take the delay queued below
        RawHttp idle = new RawHttp(proxy.address(), 10_000);
        assertThat(idle.exchange(RawHttp.post("/count", "idle".getBytes(StandardCharsets.UTF_8)))).isEqualTo("1");
        proxy.nextExchange(Faults.none().delayRequest(Duration.ofMinutes(1)));
        RawHttp delayed = new RawHttp(proxy.address(), 10_000);
        delayed.send(RawHttp.post("/count", "delayed".getBytes(StandardCharsets.UTF_8)));
        awaitExchanges(3);
        assertThat(proxyThreads()).hasSizeGreaterThanOrEqualTo(7);

        proxy.close();

        assertThat(proxyThreads()).isEmpty();
        assertThatThrownBy(longPoll::join).hasCauseInstanceOf(IOException.class);
        assertThat(idle.readToEnd()).isEmpty();
        assertThat(delayed.readToEnd()).isEmpty();
        assertThatThrownBy(() -> new Socket(proxy.address().getAddress(), proxy.port()).close())
                .isInstanceOf(ConnectException.class);
        idle.close();
        delayed.close();
    }

    private List<Thread> proxyThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().startsWith(proxy.threadNamePrefix())).toList();
    }

    private void awaitExchanges(int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (proxy.stats().exchanges() < count && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(proxy.stats().exchanges()).isEqualTo(count);
    }

    private String post(String path, String body) throws Exception {
        return client.send(HttpRequest.newBuilder(proxy.uri().resolve(path))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }
}
