package app.booksflow.server.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import app.booksflow.model.EntityType;
import app.booksflow.model.ledger.Transaction;
import app.booksflow.protocol.ProtocolVersion;
import app.booksflow.protocol.WatchRequest;
import app.booksflow.server.support.ApiClient;
import app.booksflow.server.support.Device;
import app.booksflow.server.support.Practice;
import app.booksflow.server.support.TestServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Each device's sync lag, reported from its watches, in /metrics. */
class SyncLagTest {

    private static TestServer server;
    private static Practice practice;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        practice = Practice.create(server, "lag");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aWatchingDeviceReportsTheChangesWaitingForIt() {
        Device device = new Device(practice.accountant);
        Transaction t = practice.sale(LocalDate.of(2025, 5, 2), "Lagging", 100);
        device.pushOk(device.upsert(practice.client.id(), EntityType.TRANSACTION, t.id().value(), 0, t));

        ApiClient.Response watch = watch(practice.accountant, device.id.toString());

        assertThat(watch.status()).isEqualTo(200);
        long waiting = watch.json().get("backlog").get(0).get("changes").asLong();
        assertThat(waiting).isPositive();
        String metrics = practice.admin.get("/metrics").text();
        assertThat(metrics).contains("booksflow_sync_lag_changes{device=\"" + device.id + "\"} " + waiting + ".0");
        assertThat(metrics).contains("booksflow_sync_lag_seconds{device=\"" + device.id + "\"}");
    }

    @Test
    void aDeviceIdThatIsNotTheCallersIsNotReported() {
        Device admins = new Device(practice.admin);
        Transaction t = practice.sale(LocalDate.of(2025, 5, 3), "Admin's device", 100);
        admins.pushOk(admins.upsert(practice.client.id(), EntityType.TRANSACTION, t.id().value(), 0, t));
        String unknown = UUID.randomUUID().toString();

        assertThat(watch(practice.accountant, admins.id.toString()).status()).isEqualTo(200);
        assertThat(watch(practice.accountant, unknown).status()).isEqualTo(200);

        String metrics = practice.admin.get("/metrics").text();
        assertThat(metrics).doesNotContain(admins.id.toString()).doesNotContain(unknown);
    }

    @Test
    void aMalformedDeviceHeaderIsRefusedWithItsReason() {
        ApiClient.Response watch = watch(practice.accountant, "laptop-7");

        assertThat(watch.status()).isEqualTo(400);
        assertThat(watch.json().get("error").asText()).isEqualTo("INVALID_DEVICE");
        assertThat(watch.json().get("message").asText()).contains("BooksFlow-Device").contains("laptop-7");
    }

    @Test
    void aDeviceSilentForADayIsDropped() {
        var clock = new app.booksflow.server.support.MutableClock(Instant.parse("2025-06-02T08:00:00Z"));
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        SyncLag lag = new SyncLag(registry, clock);
        UUID quiet = UUID.randomUUID();
        UUID busy = UUID.randomUUID();
        lag.observe(quiet, 3);
        lag.observe(busy, 0);

        clock.advance(Duration.ofHours(23));
        lag.observe(busy, 1);
        assertThat(registry.get("booksflow.sync.lag.seconds").tag("device", quiet.toString()).gauge().value())
                .isEqualTo(Duration.ofHours(23).toSeconds());
        clock.advance(Duration.ofHours(2));
        lag.observe(busy, 0);

        assertThat(lag.devices()).isEqualTo(1);
        assertThat(registry.find("booksflow.sync.lag.changes").tag("device", quiet.toString()).gauge()).isNull();
        assertThat(registry.get("booksflow.sync.lag.changes").tag("device", busy.toString()).gauge().value()).isZero();
    }

    private static ApiClient.Response watch(ApiClient api, String device) {
        return api.post("POST", "/api/v1/sync/watch", WatchRequest.of(List.of(), 0),
                Map.of(ProtocolVersion.DEVICE_HEADER, device));
    }
}
