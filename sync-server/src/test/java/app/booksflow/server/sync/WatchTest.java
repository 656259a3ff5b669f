package app.booksflow.server.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.booksflow.model.EntityType;
import app.booksflow.model.ledger.Transaction;
import app.booksflow.protocol.Cursor;
import app.booksflow.protocol.WatchRequest;
import app.booksflow.protocol.WatchRequest.ClientCursor;
import app.booksflow.server.support.ApiClient;
import app.booksflow.server.support.Device;
import app.booksflow.server.support.Practice;
import app.booksflow.server.support.TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class WatchTest {

    private static TestServer server;
    private static Practice practice;
    private static Practice other;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        practice = Practice.create(server, "watch");
        other = Practice.create(server, "watch-other");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aDeviceWithoutCursorsSeesItsClientsAsBehindAndNoOtherPracticesClients() {
        JsonNode answer = watch(practice.accountant, List.of(), 0);

        assertThat(texts(answer.get("visible"))).containsExactly(practice.client.id().toString());
        assertThat(texts(answer.get("behind"))).containsExactly(practice.client.id().toString());
    }

    @Test
    void aWatchAtTheHeadWaitsAndWakesUpWithAnotherDevicesChange() throws Exception {
        String head = head();
        CompletableFuture<JsonNode> waiting = CompletableFuture.supplyAsync(() -> watch(practice.accountant,
                List.of(new ClientCursor(practice.client.id(), new Cursor(head))), 25));
        await().atMost(Duration.ofSeconds(20)).until(() -> server.server.waitingPolls() >= 1);
        assertThat(waiting).isNotDone();
        assertThat(practice.admin.get("/metrics").text().lines()
                .filter(line -> line.startsWith("booksflow_sync_polls_waiting "))
                .map(line -> Double.parseDouble(line.substring(line.indexOf(' ') + 1))))
                .as("the long poll counted").singleElement().satisfies(count -> assertThat(count).isGreaterThanOrEqualTo(1));

        Device desktop = new Device(practice.admin);
        Transaction sale = practice.sale(LocalDate.of(2025, 6, 1), "Walk-in", 2_500);
        desktop.pushOk(desktop.upsert(practice.client.id(), EntityType.TRANSACTION, sale.id().value(), 0, sale));

        JsonNode answer = waiting.get(20, TimeUnit.SECONDS);
        assertThat(texts(answer.get("behind"))).containsExactly(practice.client.id().toString());
        assertThat(answer.get("backlog").get(0).get("changes").asLong()).as("one change after the head").isEqualTo(1);
    }

    @Test
    void aWatchAtTheHeadWithNoWaitAnswersNothingBehind() {
        JsonNode answer = watch(practice.accountant, List.of(new ClientCursor(practice.client.id(), new Cursor(head()))), 0);

        assertThat(texts(answer.get("behind"))).isEmpty();
        assertThat(texts(answer.get("visible"))).containsExactly(practice.client.id().toString());
    }

    @Test
    void anotherPracticesClientNamedInTheWatchIsIgnoredAndBadInputIsRefused() {
        JsonNode answer = watch(practice.accountant, List.of(new ClientCursor(other.client.id(), Cursor.START)), 0);
        assertThat(texts(answer.get("visible"))).doesNotContain(other.client.id().toString());
        assertThat(texts(answer.get("behind"))).doesNotContain(other.client.id().toString());

        ApiClient.Response tooLong = practice.accountant.post("/api/v1/sync/watch",
                Map.of("schemaVersion", 1, "cursors", List.of(), "waitSeconds", 31));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.text()).contains("between 0 and 30 seconds");
        ApiClient.Response badCursor = practice.accountant.post("/api/v1/sync/watch", Map.of("schemaVersion", 1,
                "cursors", List.of(Map.of("clientId", practice.client.id().toString(), "cursor", "x")), "waitSeconds", 0));
        assertThat(badCursor.status()).isEqualTo(400);
        assertThat(server.anonymous().post("/api/v1/sync/watch", WatchRequest.of(List.of(), 0)).status()).isEqualTo(401);
    }

    private static String head() {
        JsonNode page = practice.accountant.get("/api/v1/sync/pull?client=" + practice.client.id() + "&after=0&limit=5000").json();
        return page.get("nextCursor").asText();
    }

    private static JsonNode watch(ApiClient api, List<ClientCursor> cursors, int waitSeconds) {
        ApiClient.Response response = api.post("/api/v1/sync/watch", WatchRequest.of(cursors, waitSeconds));
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        return response.json();
    }

    private static List<String> texts(JsonNode array) {
        return java.util.stream.StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }
}
