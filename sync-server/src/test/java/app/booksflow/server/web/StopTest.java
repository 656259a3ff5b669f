package app.booksflow.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.booksflow.protocol.Cursor;
import app.booksflow.protocol.WatchRequest;
import app.booksflow.protocol.WatchRequest.ClientCursor;
import app.booksflow.server.support.ApiClient;
import app.booksflow.server.support.Practice;
import app.booksflow.server.support.TestServer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Stopping the server answers the requests in flight instead of cutting them or failing them. */
class StopTest {

    @Test
    void aLongPollWaitingWhenTheServerStopsIsAnsweredAndTheStopDoesNotWaitOutThePoll() throws Exception {
        TestServer server = TestServer.start();
        try {
            assertThat(server.server.stopsGracefully()).as("Jetty's graceful handler is in the chain").isTrue();
            Practice practice = Practice.create(server, "stopping");
            String head = practice.accountant.get("/api/v1/sync/pull?client=" + practice.client.id()
                    + "&after=0&limit=5000").json().get("nextCursor").asText();
            CompletableFuture<ApiClient.Response> waiting = CompletableFuture.supplyAsync(() -> practice.accountant.post(
                    "/api/v1/sync/watch", WatchRequest.of(List.of(new ClientCursor(practice.client.id(),
                            new Cursor(head))), 25)));
            await().atMost(Duration.ofSeconds(30)).until(() -> server.server.waitingPolls() >= 1);
            assertThat(waiting).as("the poll waits for a change").isNotDone();

            long stopping = System.nanoTime();
            server.server.close();
            Duration stop = Duration.ofNanos(System.nanoTime() - stopping);

            ApiClient.Response answer = waiting.get(5, TimeUnit.SECONDS);
            assertThat(answer.status()).as(answer.text()).isEqualTo(200);
            assertThat(answer.json().get("behind")).isEmpty();
            assertThat(stop).as("the stop did not wait out the 25 s poll").isLessThan(Duration.ofSeconds(10));
        } finally {
            server.close();
        }
    }
}
