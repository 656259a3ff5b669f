package app.booksflow.desktop.sync.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.net.SocketException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Each fault on its own, seen from the client and from the server. */
class FaultProxyFaultsTest {

    private static final Duration DELAY = Duration.ofMillis(400);

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
    void requestCutForwardsExactlyTheFirstBytesAndEndsTheClientsStream() throws Exception {
        byte[] request = RawHttp.post("/anything", TestUpstream.bytes(10_000));
        try (RawUpstream raw = new RawUpstream(null); FaultProxy cutting = FaultProxy.start(raw.address());
                RawHttp rawClient = new RawHttp(cutting.address(), 10_000)) {
            cutting.nextExchange(Faults.none().cutRequestAfter(100, Cut.CLOSE));

            rawClient.send(request);

            assertThat(rawClient.readToEnd()).isEmpty();
            assertThat(raw.received().get(10, TimeUnit.SECONDS)).isEqualTo(Arrays.copyOf(request, 100));
            assertThat(cutting.stats().requestCuts()).isEqualTo(1);
        }
    }

    @Test
    void requestCutByResetFailsTheClientAndTheServerNeverGetsTheWholeBody() {
        String body = "reset " + "x".repeat(1_000_000);
        proxy.nextExchange(Faults.none().cutRequestAfter(64 * 1024, Cut.RESET));

        assertThatThrownBy(() -> post("/count", body)).isInstanceOf(IOException.class);

        assertThat(upstream.received(body)).isZero();
        assertThat(proxy.stats().requestCuts()).isEqualTo(1);
    }

    @Test
    void responseCutDeliversExactlyTheFirstBytesAndThenTheEnd() throws Exception {
        byte[] answer = RawHttp.concat("HTTP/1.1 200 OK\r\nContent-Length: 5000\r\n\r\n"
                .getBytes(StandardCharsets.ISO_8859_1), TestUpstream.bytes(5000));
        try (RawUpstream raw = new RawUpstream(answer); FaultProxy cutting = FaultProxy.start(raw.address());
                RawHttp rawClient = new RawHttp(cutting.address(), 10_000)) {
            cutting.nextExchange(Faults.none().cutResponseAfter(1000, Cut.CLOSE));

            rawClient.send("GET /x HTTP/1.1\r\nHost: test\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));

            assertThat(rawClient.readToEnd()).isEqualTo(Arrays.copyOf(answer, 1000));
            assertThat(cutting.stats().responseCuts()).isEqualTo(1);
        }
    }

    @Test
    void cutPlannedPastTheEndOfTheResponseFallsBeforeItsLastByte() throws Exception {
        byte[] answer = "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello".getBytes(StandardCharsets.ISO_8859_1);
        try (RawUpstream raw = new RawUpstream(answer); FaultProxy cutting = FaultProxy.start(raw.address());
                RawHttp rawClient = new RawHttp(cutting.address(), 10_000)) {
            cutting.nextExchange(Faults.none().cutResponseAfter(1_000_000, Cut.CLOSE));

            rawClient.send("GET /x HTTP/1.1\r\nHost: test\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));

            assertThat(rawClient.readToEnd()).isEqualTo(Arrays.copyOf(answer, answer.length - 1));
        }
    }

    @Test
    void responseCutByResetMakesTheClientReadAReset() throws Exception {
        proxy.nextExchange(Faults.none().cutResponseAfter(10_000, Cut.RESET));
        try (RawHttp rawClient = new RawHttp(proxy.address(), 10_000)) {
            rawClient.send("GET /bytes?n=200000 HTTP/1.1\r\nHost: test\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));

            assertThatThrownBy(rawClient::readToEnd).isInstanceOf(SocketException.class);
        }
    }

    @Test
    void responseCutFailsAnHttpClientExchangeThatTheServerCompleted() {
        proxy.nextExchange(Faults.none().cutResponseAfter(20, Cut.CLOSE));
        String body = "completed " + "y".repeat(100_000);

        assertThatThrownBy(() -> post("/count", body)).isInstanceOf(IOException.class);

        assertThat(upstream.received(body)).isEqualTo(1);
    }

    @Test
    void faultsApplyPerExchangeOnAKeepAliveConnection() throws Exception {
        proxy.nextExchange(Faults.none());
        proxy.nextExchange(Faults.none().cutResponseAfter(0, Cut.CLOSE));
        try (RawHttp rawClient = new RawHttp(proxy.address(), 10_000)) {
            assertThat(rawClient.exchange(RawHttp.post("/count", bytes("first")))).isEqualTo("1");

            assertThatThrownBy(() -> rawClient.exchange(RawHttp.post("/count", bytes("second"))))
                    .isInstanceOf(IOException.class);
        }
        assertThat(upstream.received("second")).isEqualTo(1);
        assertThat(proxy.exchanges()).extracting(DecidedExchange::exchange)
                .extracting(Exchange::connection, Exchange::onConnection)
                .containsExactly(tuple(0L, 0), tuple(0L, 1));
    }

    @Test
    void delayedRequestReachesTheServerNoSoonerThanTheDelay() throws Exception {
        proxy.nextExchange(Faults.none().delayRequest(DELAY));
        try (RawHttp rawClient = new RawHttp(proxy.address(), 10_000)) {
            long sent = System.nanoTime();

            assertThat(rawClient.exchange(RawHttp.post("/count", bytes("delayed request")))).isEqualTo("1");

            assertThat(Duration.ofNanos(upstream.arrivals().get(0) - sent)).isGreaterThanOrEqualTo(DELAY);
        }
    }

    @Test
    void delayedResponseReachesTheClientNoSoonerThanTheDelay() throws Exception {
        proxy.nextExchange(Faults.none().delayResponse(DELAY));
        try (RawHttp rawClient = new RawHttp(proxy.address(), 10_000)) {
            assertThat(rawClient.exchange(RawHttp.post("/count", bytes("delayed response")))).isEqualTo("1");

            assertThat(Duration.ofNanos(System.nanoTime() - upstream.arrivals().get(0))).isGreaterThanOrEqualTo(DELAY);
        }
    }

    @ParameterizedTest
    @EnumSource(value = Duplicate.class, names = {"CONCURRENT", "AFTER_RESPONSE"})
    void duplicatedRequestReachesTheServerTwiceWhileTheClientGetsOneAnswer(Duplicate when) throws Exception {
        String body = "duplicate " + when + " " + "d".repeat(200_000);
        proxy.nextExchange(Faults.none().duplicate(when));

        String answer = post("/count", body);

        await(() -> upstream.received(body) == 2);
        assertThat(answer).isIn("1", "2");
        if (when == Duplicate.AFTER_RESPONSE) {
            assertThat(answer).isEqualTo("1");
        }
        assertThat(proxy.stats().duplicates()).isEqualTo(1);
        assertThat(post("/count", "next on the same connection")).isEqualTo("1");
        assertThat(proxy.stats().connections()).isEqualTo(1);
    }

    @Test
    void chunkedRequestIsForwardedButNotDuplicated() throws Exception {
        proxy.nextExchange(Faults.none().duplicate(Duplicate.CONCURRENT));
        try (RawHttp rawClient = new RawHttp(proxy.address(), 10_000)) {
            String request = "POST /count HTTP/1.1\r\nHost: test\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + "4\r\nchun\r\n3;ext=1\r\nked\r\n0\r\n\r\n";

            assertThat(rawClient.exchange(bytes(request))).isEqualTo("1");
            assertThat(rawClient.exchange(RawHttp.post("/count", bytes("after chunks")))).isEqualTo("1");
        }
        assertThat(upstream.received("chunked")).isEqualTo(1);
        assertThat(proxy.stats().duplicatesRefused()).isEqualTo(1);
        assertThat(proxy.stats().duplicates()).isZero();
        assertThat(proxy.exchanges().get(0).exchange().contentLength()).isEqualTo(-1);
    }

    @Test
    void offlineRefusesNewConnectionsAndResetsOpenOnesUntilOnlineAgain() throws Exception {
        CompletableFuture<HttpResponse<String>> longPoll = client.sendAsync(
                HttpRequest.newBuilder(proxy.uri().resolve("/wait?millis=60000")).build(),
                HttpResponse.BodyHandlers.ofString());
        await(() -> proxy.stats().exchanges() == 1);

        proxy.offline();

        assertThatThrownBy(() -> longPoll.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(IOException.class);
        assertThatThrownBy(() -> new Socket(proxy.address().getAddress(), proxy.port()).close())
                .isInstanceOf(ConnectException.class);
        assertThat(proxy.isOffline()).isTrue();
        assertThat(proxy.stats().offlineCuts()).isEqualTo(1);

        proxy.online();

        assertThat(post("/count", "back online")).isEqualTo("1");
        assertThat(proxy.stats().connections()).isEqualTo(2);
    }

    private String post(String path, String body) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(proxy.uri().resolve(path))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 10 s");
            }
            Thread.sleep(10);
        }
    }
}
