package app.booksflow.server.sync;

import static org.assertj.core.api.Assertions.assertThat;

import app.booksflow.model.EntityType;
import app.booksflow.model.ledger.Transaction;
import app.booksflow.server.support.Device;
import app.booksflow.server.support.Practice;
import app.booksflow.server.support.TestServer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A device's last-seen time: written at most once a minute, so one user's pushes do not queue on its row. */
class DeviceLastSeenTest {

    private static TestServer server;
    private static Practice practice;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        practice = Practice.create(server, "lastseen");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void lastSeenMovesOncePerMinuteAtMost() throws Exception {
        Device device = new Device(practice.accountant);
        push(device, "first");
        Instant first = lastSeen(device);

        server.clock.advance(Duration.ofSeconds(30));
        push(device, "half a minute later");
        assertThat(lastSeen(device)).as("read, not written").isEqualTo(first);

        server.clock.advance(Duration.ofSeconds(31));
        push(device, "a minute later");
        assertThat(lastSeen(device)).isEqualTo(first.plusSeconds(61));
    }

    @Test
    void aDeviceOfAnotherUserIsStillRefusedWhenRecentlySeen() {
        Device device = new Device(practice.accountant);
        push(device, "registers it");

        Device stolen = new Device(practice.admin, device.id);
        Transaction t = practice.sale(LocalDate.of(2025, 5, 2), "Someone else", 100);
        var response = stolen.push(java.util.List.of(
                stolen.upsert(practice.client.id(), EntityType.TRANSACTION, t.id().value(), 0, t)));

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.text()).contains("registered to another user");
    }

    private static void push(Device device, String payee) {
        Transaction t = practice.sale(LocalDate.of(2025, 5, 2), payee, 100);
        device.pushOk(device.upsert(practice.client.id(), EntityType.TRANSACTION, t.id().value(), 0, t));
    }

    private static Instant lastSeen(Device device) throws Exception {
        try (Connection c = server.dataSource.getConnection();
                PreparedStatement select = c.prepareStatement("select last_seen_at from devices where id = ?")) {
            select.setObject(1, device.id.value());
            try (ResultSet row = select.executeQuery()) {
                row.next();
                Timestamp at = row.getTimestamp(1);
                return at.toInstant();
            }
        }
    }
}
