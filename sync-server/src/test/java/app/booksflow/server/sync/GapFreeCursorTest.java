package app.booksflow.server.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.booksflow.model.EntityType;
import app.booksflow.model.ledger.Transaction;
import app.booksflow.server.support.Device;
import app.booksflow.server.support.Practice;
import app.booksflow.server.support.TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The classic bug of database sync tools: a change numbered when its transaction starts commits after
 * a later-numbered one, and a device that pulled in between moves its cursor past it forever. Here
 * push A starts first but is held inside its transaction while push B starts later and commits; a
 * device pulls between the two commits. It must still receive A's change afterwards.
 */
class GapFreeCursorTest {

    private static TestServer server;
    private static Practice practice;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        practice = Practice.create(server, "gapfree");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aPushThatCommitsLateIsNeverSkippedByTheCursor() throws Exception {
        Device deviceA = new Device(practice.accountant);
        Device deviceB = new Device(practice.admin);
        Transaction warmUp = practice.sale(LocalDate.of(2025, 5, 1), "Registers device A", 100);
        deviceA.pushOk(deviceA.upsert(practice.client.id(), EntityType.TRANSACTION, warmUp.id().value(), 0, warmUp));
        String cursor = pull("0").get("nextCursor").asText();

        Transaction fromA = practice.sale(LocalDate.of(2025, 5, 2), "Started first", 200);
        Transaction fromB = practice.sale(LocalDate.of(2025, 5, 3), "Started second", 300);
        CompletableFuture<JsonNode> pushA;
        try (Connection blocker = server.dataSource.getConnection()) {
            // Device A was last seen long enough ago that push A writes its last-seen time ...
            try (PreparedStatement age = blocker.prepareStatement(
                    "update devices set last_seen_at = last_seen_at - interval '1 hour' where id = ?")) {
                age.setObject(1, deviceA.id.value());
                assertThat(age.executeUpdate()).isEqualTo(1);
            }
            blocker.setAutoCommit(false);
            // ... so holding device A's row makes push A open its transaction and wait at its first write.
            try (PreparedStatement lock = blocker.prepareStatement("select 1 from devices where id = ? for update")) {
                lock.setObject(1, deviceA.id.value());
                lock.executeQuery().close();
            }
            pushA = CompletableFuture.supplyAsync(() ->
                    deviceA.pushOk(deviceA.upsert(practice.client.id(), EntityType.TRANSACTION, fromA.id().value(), 0, fromA)));
            await().atMost(Duration.ofSeconds(20)).until(() -> waitingOnLock() > 0);

            JsonNode outcomeB = deviceB.pushOk(
                    deviceB.upsert(practice.client.id(), EntityType.TRANSACTION, fromB.id().value(), 0, fromB));
            assertThat(outcomeB.get(0).get("outcome").asText()).isEqualTo("applied");
            JsonNode between = pull(cursor);
            assertThat(ids(between)).containsExactly(fromB.id().toString());
            cursor = between.get("nextCursor").asText();

            blocker.commit();
        }
        assertThat(pushA.get().get(0).get("outcome").asText()).isEqualTo("applied");

        JsonNode after = pull(cursor);
        assertThat(ids(after)).containsExactly(fromA.id().toString());
    }

    @Test
    void concurrentPushesToOneClientLeaveAnUnbrokenNumbering() throws Exception {
        List<CompletableFuture<JsonNode>> pushes = new ArrayList<>();
        for (int d = 0; d < 4; d++) {
            Device device = new Device(d % 2 == 0 ? practice.accountant : practice.admin);
            pushes.add(CompletableFuture.supplyAsync(() -> {
                List<app.booksflow.protocol.Mutation> batch = new ArrayList<>();
                for (int i = 0; i < 25; i++) {
                    Transaction t = practice.sale(LocalDate.of(2025, 6, 1), "Burst", 100 + i);
                    batch.add(device.upsert(practice.client.id(), EntityType.TRANSACTION, t.id().value(), 0, t));
                }
                return device.pushOk(batch.toArray(app.booksflow.protocol.Mutation[]::new));
            }));
        }
        for (CompletableFuture<JsonNode> push : pushes) {
            push.get().forEach(o -> assertThat(o.get("outcome").asText()).isEqualTo("applied"));
        }

        try (Connection c = server.dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("select min(seq), max(seq), count(*) from change_log where client_id = '"
                        + practice.client.id() + "'")) {
            r.next();
            assertThat(r.getLong(1)).isEqualTo(1);
            assertThat(r.getLong(2)).isEqualTo(r.getLong(3));
        }
    }

    private static JsonNode pull(String after) {
        return practice.accountant.get("/api/v1/sync/pull?client=" + practice.client.id() + "&after=" + after
                + "&limit=5000").json();
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("changes").forEach(change -> ids.add(change.get("entityId").asText()));
        return ids;
    }

    private static int waitingOnLock() throws Exception {
        try (Connection c = server.dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("select count(*) from pg_stat_activity where wait_event_type = 'Lock'"
                        + " and datname = current_database()")) {
            r.next();
            return r.getInt(1);
        }
    }
}
