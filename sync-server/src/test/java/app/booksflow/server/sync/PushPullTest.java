package app.booksflow.server.sync;

import static org.assertj.core.api.Assertions.assertThat;

import app.booksflow.json.BooksFlowJson;
import app.booksflow.model.EntityType;
import app.booksflow.model.ledger.Transaction;
import app.booksflow.model.ledger.TransactionStatus;
import app.booksflow.protocol.Mutation;
import app.booksflow.protocol.PullResponse;
import app.booksflow.server.support.ApiClient.Response;
import app.booksflow.server.support.Device;
import app.booksflow.server.support.Practice;
import app.booksflow.server.support.TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PushPullTest {

    private static TestServer server;
    private static Practice practice;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        practice = Practice.create(server, "pushpull");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void appliesAPushAndServesItBackInCommitOrder() throws Exception {
        Device laptop = new Device(practice.accountant);
        Transaction rent = practice.purchase(LocalDate.of(2025, 5, 1), "Landlord Ltd", 120_000);
        Transaction sale = practice.sale(LocalDate.of(2025, 5, 2), "Corner Cafe", 45_000);

        JsonNode outcomes = laptop.pushOk(
                laptop.upsert(practice.client.id(), EntityType.TRANSACTION, rent.id().value(), 0, rent),
                laptop.upsert(practice.client.id(), EntityType.TRANSACTION, sale.id().value(), 0, sale));

        assertThat(outcomes).extracting(o -> o.get("outcome").asText()).containsExactly("applied", "applied");
        assertThat(outcomes.get(0).get("version").asLong()).isEqualTo(1);
        Response response = practice.accountant.get("/api/v1/sync/pull?client=" + practice.client.id() + "&after=0&limit=5000");
        PullResponse typed = BooksFlowJson.newMapper().readValue(response.text(), PullResponse.class);
        assertThat(typed.changes()).isNotEmpty();
        assertThat(typed.hasMore()).isFalse();
        JsonNode page = pullAll(response.json());
        List<String> ids = new ArrayList<>();
        page.forEach(change -> ids.add(change.get("entityId").asText()));
        assertThat(ids).containsSubsequence(rent.id().toString(), sale.id().toString());
    }

    @Test
    void aRepeatedPushAnswersTheFirstOutcomesAndChangesNothing() throws SQLException {
        Device laptop = new Device(practice.accountant);
        Transaction coffee = practice.purchase(LocalDate.of(2025, 5, 3), "Bean There", 450);
        Mutation create = laptop.upsert(practice.client.id(), EntityType.TRANSACTION, coffee.id().value(), 0, coffee);
        long changesBefore = count("select count(*) from change_log");

        JsonNode first = laptop.pushOk(create);
        long changesAfterFirst = count("select count(*) from change_log");
        JsonNode second = laptop.pushOk(create);
        JsonNode third = laptop.pushOk(create);

        assertThat(second).isEqualTo(first);
        assertThat(third).isEqualTo(first);
        assertThat(changesAfterFirst).isEqualTo(changesBefore + 1);
        assertThat(count("select count(*) from change_log")).isEqualTo(changesAfterFirst);
        assertThat(count("select count(*) from transactions where id = '" + coffee.id() + "'")).isEqualTo(1);
    }

    @Test
    void anEditOnAStaleVersionIsAConflictCarryingTheServersState() {
        Device laptop = new Device(practice.accountant);
        Device desktop = new Device(practice.admin);
        Transaction original = practice.purchase(LocalDate.of(2025, 5, 5), "Stationers", 2_400);
        laptop.pushOk(laptop.upsert(practice.client.id(), EntityType.TRANSACTION, original.id().value(), 0, original));
        Transaction fromDesktop = practice.purchase(LocalDate.of(2025, 5, 5), "Stationers & Co", 2_400);
        fromDesktop = new Transaction(original.id(), fromDesktop.client(), fromDesktop.date(), fromDesktop.payee(), "",
                fromDesktop.bankAccount(), fromDesktop.total(), TransactionStatus.POSTED, fromDesktop.splits());
        desktop.pushOk(desktop.upsert(practice.client.id(), EntityType.TRANSACTION, original.id().value(), 1, fromDesktop));

        Transaction fromLaptop = new Transaction(original.id(), original.client(), original.date(), "Stationers Ltd",
                "", original.bankAccount(), original.total(), TransactionStatus.POSTED, original.splits());
        JsonNode outcome = laptop.pushOk(
                laptop.upsert(practice.client.id(), EntityType.TRANSACTION, original.id().value(), 1, fromLaptop)).get(0);

        assertThat(outcome.get("outcome").asText()).isEqualTo("conflict");
        assertThat(outcome.get("serverVersion").asLong()).isEqualTo(2);
        assertThat(outcome.get("serverState").get("payee").asText()).isEqualTo("Stationers & Co");
    }

    @Test
    void aChangeInAClosedPeriodIsRejectedWithTheReason() {
        Device desktop = new Device(practice.admin);
        Device laptop = new Device(practice.accountant);
        var closed = new app.booksflow.model.practice.Client(practice.client.id(), practice.organization.id(),
                practice.client.name(), practice.client.baseCurrency(), practice.client.fiscalYearStart(),
                Optional.of(LocalDate.of(2024, 12, 31)));
        long clientVersion = currentVersion(practice.client.id().value());
        desktop.pushOk(desktop.upsert(practice.client.id(), EntityType.CLIENT, practice.client.id().value(), clientVersion, closed));

        Transaction late = practice.purchase(LocalDate.of(2024, 12, 20), "Late Invoice Ltd", 9_900);
        JsonNode outcome = laptop.pushOk(laptop.upsert(practice.client.id(), EntityType.TRANSACTION, late.id().value(), 0, late)).get(0);

        assertThat(outcome.get("outcome").asText()).isEqualTo("rejected");
        assertThat(outcome.get("code").asText()).isEqualTo("PERIOD_CLOSED");
        assertThat(outcome.get("message").asText()).contains("2024-12-31");
        desktop.pushOk(desktop.upsert(practice.client.id(), EntityType.CLIENT, practice.client.id().value(),
                clientVersion + 1, practice.client));
    }

    @Test
    void aDeleteIsPulledAsATombstone() {
        Device laptop = new Device(practice.accountant);
        Transaction mistake = practice.purchase(LocalDate.of(2025, 5, 9), "Typo Traders", 100);
        laptop.pushOk(laptop.upsert(practice.client.id(), EntityType.TRANSACTION, mistake.id().value(), 0, mistake));
        String cursor = practice.accountant.get("/api/v1/sync/pull?client=" + practice.client.id() + "&after=0&limit=5000")
                .json().get("nextCursor").asText();

        JsonNode outcome = laptop.pushOk(laptop.delete(practice.client.id(), EntityType.TRANSACTION, mistake.id().value(), 1)).get(0);
        Response pulled = practice.accountant.get("/api/v1/sync/pull?client=" + practice.client.id() + "&after=" + cursor);

        assertThat(outcome.get("version").asLong()).isEqualTo(2);
        JsonNode change = pulled.json().get("changes").get(0);
        assertThat(change.get("kind").asText()).isEqualTo("TOMBSTONE");
        assertThat(change.has("payload")).isFalse();
        assertThat(change.get("version").asLong()).isEqualTo(2);
    }

    @Test
    void anUpdateOfSomethingTheServerNeverHadIsRejected() {
        Device laptop = new Device(practice.accountant);
        Transaction ghost = practice.purchase(LocalDate.of(2025, 5, 10), "Ghost Ltd", 100);

        JsonNode outcome = laptop.pushOk(laptop.upsert(practice.client.id(), EntityType.TRANSACTION, ghost.id().value(), 3, ghost)).get(0);

        assertThat(outcome.get("outcome").asText()).isEqualTo("rejected");
        assertThat(outcome.get("code").asText()).isEqualTo("NOT_FOUND");
    }

    private static JsonNode pullAll(JsonNode page) {
        return page.get("changes");
    }

    private static long currentVersion(java.util.UUID id) {
        try {
            return count("select version from entities where id = '" + id + "'");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static long count(String sql) throws SQLException {
        try (Connection c = server.dataSource.getConnection(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }
}
