package app.booksflow.server.audit;

import static org.assertj.core.api.Assertions.assertThat;

import app.booksflow.model.EntityType;
import app.booksflow.model.ledger.Transaction;
import app.booksflow.model.ledger.TransactionStatus;
import app.booksflow.model.practice.Client;
import app.booksflow.server.support.ApiClient;
import app.booksflow.server.support.ApiClient.Response;
import app.booksflow.server.support.Books;
import app.booksflow.server.support.Device;
import app.booksflow.server.support.Practice;
import app.booksflow.server.support.TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A practice whose trail spans four days of the server's clock: set-up on 2 June 2025, bookings on
 * the 3rd, a deleted posted transaction (HIGH) and a refused change (MEDIUM) on the 4th, and a closed
 * period (CRITICAL) on the 5th; plus a second client with bookings, and a second practice.
 */
class AuditTrailApiTest {

    private static TestServer server;
    private static Practice practice;
    private static Practice other;
    private static Client secondClient;
    private static Transaction deleted;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        practice = Practice.create(server, "audit");
        other = Practice.create(server, "audit-other");
        secondClient = Books.newClient(practice, "Second Client Ltd");

        server.clock.advance(Duration.ofDays(1));
        deleted = practice.purchase(LocalDate.of(2025, 6, 3), "Mistake Ltd", 1_000);
        Books.post(practice.accountant, deleted,
                practice.sale(LocalDate.of(2025, 6, 3), "Corner Cafe", 45_000),
                practice.sale(LocalDate.of(2025, 6, 3), "Market Stall", 12_000));
        Books.post(practice.admin, practice.sale(LocalDate.of(2025, 6, 3), "Draft Sale", 100)
                .withStatus(TransactionStatus.DRAFT));

        server.clock.advance(Duration.ofDays(1));
        Device laptop = new Device(practice.accountant);
        laptop.pushOk(laptop.delete(practice.client.id(), EntityType.TRANSACTION, deleted.id().value(), 1));
        Transaction ghost = practice.purchase(LocalDate.of(2025, 6, 4), "Ghost Ltd", 100);
        laptop.pushOk(laptop.upsert(practice.client.id(), EntityType.TRANSACTION, ghost.id().value(), 7, ghost));

        server.clock.advance(Duration.ofDays(1));
        Client closed = practice.client.withClosingDate(LocalDate.of(2024, 12, 31));
        Device desktop = new Device(practice.admin);
        desktop.pushOk(desktop.upsert(closed.id(), EntityType.CLIENT, closed.id().value(), 1, closed));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aMinimumRiskOfHighShowsOnlyHighAndCriticalEventsNewestFirst() {
        List<JsonNode> entries = all(practice.admin, "risk=HIGH");

        assertThat(entries).extracting(e -> e.get("risk").asText()).containsOnly("HIGH", "CRITICAL");
        assertThat(entries).extracting(e -> e.get("action").asText()).contains("DELETE", "CLOSE_PERIOD", "ROLE_CHANGE");
        assertThat(entries.get(0).get("action").asText()).isEqualTo("CLOSE_PERIOD");
        assertThat(all(practice.admin, "risk=critical")).extracting(e -> e.get("risk").asText()).containsOnly("CRITICAL");
        assertThat(all(practice.admin, "risk=MEDIUM")).extracting(e -> e.get("risk").asText())
                .contains("MEDIUM").doesNotContain("LOW");
    }

    @Test
    void datesMeanWholeDaysAndInstantsAreExact() {
        List<JsonNode> fourth = all(practice.admin, "from=2025-06-04&to=2025-06-04");
        List<JsonNode> sinceFourth = all(practice.admin, "from=2025-06-04T00:00:00Z");
        List<JsonNode> beforeFourth = all(practice.admin, "to=2025-06-04T00:00:00Z");

        assertThat(fourth).extracting(e -> e.get("action").asText()).containsExactlyInAnyOrder("DELETE", "SYNC_REJECTED");
        assertThat(fourth).allSatisfy(e -> assertThat(e.get("at").asText()).startsWith("2025-06-04"));
        assertThat(sinceFourth).hasSize(3);
        assertThat(beforeFourth.size() + sinceFourth.size()).isEqualTo(all(practice.admin, "").size());
    }

    @Test
    void aClientFilterShowsOnlyThatClientsEvents() {
        List<JsonNode> second = all(practice.admin, "client=" + secondClient.id());
        List<JsonNode> first = all(practice.admin, "client=" + practice.client.id());

        assertThat(second).isNotEmpty().allSatisfy(e -> assertThat(e.get("client").asText()).isEqualTo(secondClient.id().toString()));
        assertThat(first).allSatisfy(e -> assertThat(e.get("client").asText()).isEqualTo(practice.client.id().toString()));
        assertThat(all(practice.admin, "")).hasSizeGreaterThan(first.size() + second.size() - 1);
    }

    @Test
    void pagesFollowEachOtherWithoutDuplicatesOrGaps() {
        List<JsonNode> whole = all(practice.admin, "limit=1000");
        List<String> paged = new ArrayList<>();
        String after = null;
        int pages = 0;
        do {
            JsonNode page = practice.admin.get("/api/v1/compliance/audit-trail?limit=4"
                    + (after == null ? "" : "&after=" + after)).json();
            page.get("entries").forEach(e -> paged.add(e.get("id").asText()));
            after = page.hasNonNull("next") ? page.get("next").asText() : null;
            pages++;
        } while (after != null);

        assertThat(whole.size()).isGreaterThan(12);
        assertThat(paged).doesNotHaveDuplicates().containsExactlyElementsOf(whole.stream().map(e -> e.get("id").asText()).toList());
        assertThat(pages).isEqualTo((whole.size() + 3) / 4);
        for (int i = 1; i < whole.size(); i++) {
            Instant newer = Instant.parse(whole.get(i - 1).get("at").asText());
            Instant older = Instant.parse(whole.get(i).get("at").asText());
            assertThat(older).isBeforeOrEqualTo(newer);
            if (older.equals(newer)) {
                assertThat(whole.get(i).get("seq").asLong()).isLessThan(whole.get(i - 1).get("seq").asLong());
            }
        }
    }

    @Test
    void anEntryCarriesWhoWhatAndTheRecordBeforeAndAfterAsJson() {
        JsonNode delete = all(practice.admin, "risk=HIGH").stream()
                .filter(e -> e.get("action").asText().equals("DELETE")).findFirst().orElseThrow();

        assertThat(delete.get("actor").asText()).isEqualTo(practice.accountantUser.id().toString());
        assertThat(delete.get("device").asText()).isNotBlank();
        assertThat(delete.get("entityType").asText()).isEqualTo("TRANSACTION");
        assertThat(delete.get("entityId").asText()).isEqualTo(deleted.id().toString());
        assertThat(delete.get("before").get("payee").asText()).isEqualTo("Mistake Ltd");
        assertThat(delete.get("after").isNull()).isTrue();
        assertThat(delete.get("id").asText()).isNotBlank();
    }

    @Test
    void accountantsReadTheirAssignedClientsOnly() {
        assertThat(get(practice.accountant, "client=" + practice.client.id()).status()).isEqualTo(200);
        assertThat(get(practice.accountant, "").status()).isEqualTo(403);
        assertThat(get(practice.accountant, "client=" + secondClient.id()).status()).isEqualTo(403);
        assertThat(get(practice.accountant, "client=" + other.client.id()).status()).isEqualTo(404);
    }

    @Test
    void clientUsersMayNotReadTheTrailAndOtherPracticesSeeNothingOfIt() {
        assertThat(get(practice.owner, "client=" + practice.client.id()).status()).isEqualTo(403);
        assertThat(get(other.admin, "client=" + practice.client.id()).status()).isEqualTo(404);
        assertThat(all(other.admin, "")).noneSatisfy(e -> assertThat(e.get("client").asText())
                .isEqualTo(practice.client.id().toString()));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            risk=SEVERE                        | INVALID_PARAMETER
            from=yesterday                     | INVALID_PARAMETER
            to=2025-13-01                      | INVALID_PARAMETER
            from=2025-06-05&to=2025-06-01      | INVALID_PARAMETER
            limit=0                            | INVALID_LIMIT
            limit=1001                         | INVALID_LIMIT
            limit=many                         | INVALID_LIMIT
            after=not-a-cursor                 | INVALID_CURSOR
            client=42                          | INVALID_PARAMETER
            """)
    void anInvalidParameterIsABadRequestSayingWhatIsWrong(String query, String code) {
        Response refused = get(practice.admin, query);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("error").asText()).isEqualTo(code);
        assertThat(refused.json().get("message").asText()).isNotBlank();
    }

    private static Response get(ApiClient user, String query) {
        return user.get("/api/v1/compliance/audit-trail?" + query);
    }

    private static List<JsonNode> all(ApiClient user, String query) {
        Response response = get(user, query + (query.isEmpty() ? "" : "&") + "limit=1000");
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        assertThat(response.json().has("next")).isFalse();
        List<JsonNode> entries = new ArrayList<>();
        response.json().get("entries").forEach(entries::add);
        return entries;
    }
}
