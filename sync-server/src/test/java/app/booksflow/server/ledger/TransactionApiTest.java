package app.booksflow.server.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import app.booksflow.json.BooksFlowJson;
import app.booksflow.model.EntityType;
import app.booksflow.model.id.TransactionId;
import app.booksflow.model.ledger.Split;
import app.booksflow.model.ledger.Transaction;
import app.booksflow.model.ledger.TransactionStatus;
import app.booksflow.model.money.Money;
import app.booksflow.model.practice.Client;
import app.booksflow.server.support.ApiClient;
import app.booksflow.server.support.ApiClient.Response;
import app.booksflow.server.support.Books;
import app.booksflow.server.support.Device;
import app.booksflow.server.support.Practice;
import app.booksflow.server.support.TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TransactionApiTest {

    private static final ObjectMapper JSON = BooksFlowJson.newMapper();
    private static TestServer server;
    private static Practice practice;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        practice = Practice.create(server, "rest-transactions");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aPostedTransactionIsCreatedWithVersionOneAndALocation() {
        Transaction rent = practice.purchase(LocalDate.of(2025, 5, 1), "Landlord Ltd", 120_000);

        Response created = practice.accountant.post("/api/v1/transactions", rent);

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("Location")).isEqualTo("/api/v1/transactions/" + rent.id());
        assertThat(created.json().get("version").asLong()).isEqualTo(1);
        assertThat(created.json().get("total").toString()).isEqualTo("{\"amount\":\"-1200.00\",\"currency\":\"EUR\"}");
        assertThat(read(created.json())).isEqualTo(rent);
        Response fetched = practice.accountant.get(created.header("Location"));
        assertThat(fetched.status()).isEqualTo(200);
        assertThat(fetched.json()).isEqualTo(created.json());
    }

    @Test
    void aPostedTransactionIsInTheChangeLogAndTheAuditTrailUnderTheUsersServerDevice() throws SQLException {
        Transaction coffee = practice.purchase(LocalDate.of(2025, 5, 2), "Bean There", 450);

        practice.accountant.post("/api/v1/transactions", coffee);

        String device = UUID.nameUUIDFromBytes(("server-api:" + practice.accountantUser.id()).getBytes(StandardCharsets.UTF_8))
                .toString();
        assertThat(text("select device_id from change_log where entity_id = '" + coffee.id() + "'")).isEqualTo(device);
        assertThat(text("select device_id || ' ' || action from audit_events where entity_id = '" + coffee.id() + "'"))
                .isEqualTo(device + " CREATE");
        JsonNode pulled = practice.admin.get("/api/v1/sync/pull?client=" + practice.client.id() + "&after=0&limit=5000").json();
        List<String> ids = new ArrayList<>();
        pulled.get("changes").forEach(change -> ids.add(change.get("entityId").asText()));
        assertThat(ids).contains(coffee.id().toString());
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyCreatesNothingTwice() throws SQLException {
        Transaction sale = practice.sale(LocalDate.of(2025, 5, 3), "Corner Cafe", 45_000);
        String key = UUID.randomUUID().toString();
        long changes = count("select count(*) from change_log");
        long dayCount = count("select coalesce(sum(transaction_count), 0) from daily_metrics where client_id = '"
                + practice.client.id() + "' and day = '2025-05-03'");

        Response first = post(practice.accountant, JSON.valueToTree(sale).toString(), key);
        Response second = post(practice.accountant, JSON.valueToTree(sale).toString(), key);

        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(201);
        assertThat(second.json()).isEqualTo(first.json());
        assertThat(count("select count(*) from transactions where id = '" + sale.id() + "'")).isEqualTo(1);
        assertThat(count("select count(*) from change_log")).isEqualTo(changes + 1);
        assertThat(count("select coalesce(sum(transaction_count), 0) from daily_metrics where client_id = '"
                + practice.client.id() + "' and day = '2025-05-03'")).isEqualTo(dayCount + 1);
    }

    @Test
    void aSecondPostOfTheSameIdIsAConflict() {
        Transaction sale = practice.sale(LocalDate.of(2025, 5, 4), "Corner Cafe", 1_000);
        practice.accountant.post("/api/v1/transactions", sale);

        Response again = practice.admin.post("/api/v1/transactions", sale);

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("error").asText()).isEqualTo("ALREADY_EXISTS");
    }

    @Test
    void aTransactionInAClosedPeriodIsRefusedAsAConflictWithTheBooks() throws SQLException {
        Practice closedBooks = Practice.create(server, "rest-closed");
        Client closed = closedBooks.client.withClosingDate(LocalDate.of(2024, 12, 31));
        Device desktop = new Device(closedBooks.admin);
        desktop.pushOk(desktop.upsert(closed.id(), EntityType.CLIENT, closed.id().value(),
                count("select version from entities where id = '" + closed.id() + "'"), closed));

        Response refused = closedBooks.accountant.post("/api/v1/transactions",
                closedBooks.purchase(LocalDate.of(2024, 12, 20), "Late Invoice Ltd", 9_900));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("error").asText()).isEqualTo("PERIOD_CLOSED");
        assertThat(refused.json().get("message").asText()).contains("2024-12-31");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            malformed JSON             | MALFORMED_JSON
            unknown currency           | UNKNOWN_CURRENCY
            too many decimals          | TOO_MANY_DECIMALS
            unbalanced splits          | SPLITS_UNBALANCED
            another currency           | CURRENCY_MISMATCH
            account of another client  | INVALID_STATE
            """)
    void anInvalidBodyIsABadRequestWithTheDomainCode(String mistake, String code) {
        Transaction valid = practice.purchase(LocalDate.of(2025, 5, 5), "Stationers", 12_000);
        ObjectNode body = JSON.valueToTree(valid);
        ObjectNode split = (ObjectNode) body.get("splits").get(0);
        String text = switch (mistake) {
            case "malformed JSON" -> body.toString().substring(0, 40);
            case "unknown currency" -> with(body, "total", money("-120.00", "XYZ"));
            case "too many decimals" -> with(body, "total", money("-120.001", "EUR"));
            case "unbalanced splits" -> {
                split.set("amount", money("-119.99", "EUR"));
                yield body.toString();
            }
            case "another currency" -> {
                split.set("amount", money("-120.00", "USD"));
                yield with(body, "total", money("-120.00", "USD"));
            }
            case "account of another client" -> {
                split.put("account", UUID.randomUUID().toString());
                yield body.toString();
            }
            default -> throw new IllegalArgumentException(mistake);
        };

        Response refused = post(practice.accountant, text, null);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("error").asText()).isEqualTo(code);
        assertThat(refused.json().get("message").asText()).isNotBlank();
    }

    @Test
    void anIdempotencyKeyMustBeAUuid() {
        Response refused = post(practice.accountant,
                JSON.valueToTree(practice.sale(LocalDate.of(2025, 5, 6), "Cafe", 100)).toString(), "attempt-1");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("error").asText()).isEqualTo("INVALID_IDEMPOTENCY_KEY");
    }

    @Test
    void clientUsersAndUnassignedAccountantsMayNotPostAndOtherPracticesSeeNothing() {
        Client unassigned = Books.newClient(practice, "Unassigned Ltd");
        Practice other = Practice.create(server, "rest-other");
        Money amount = Money.ofMinor(100, unassigned.baseCurrency());
        Transaction forUnassigned = new Transaction(TransactionId.random(), unassigned.id(), LocalDate.of(2025, 5, 7),
                "Someone", "", practice.account("1000"), amount, TransactionStatus.DRAFT,
                List.of(Split.of(practice.account("4000"), amount)));

        assertThat(practice.owner.post("/api/v1/transactions",
                practice.sale(LocalDate.of(2025, 5, 7), "Cafe", 100)).status()).isEqualTo(403);
        assertThat(practice.accountant.post("/api/v1/transactions", forUnassigned).status()).isEqualTo(403);
        assertThat(other.admin.post("/api/v1/transactions",
                practice.sale(LocalDate.of(2025, 5, 7), "Cafe", 100)).status()).isEqualTo(404);
    }

    @Test
    void concurrentPostsAreAllApplied() throws Exception {
        List<Callable<Response>> posts = new ArrayList<>();
        List<Transaction> transactions = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            Transaction t = practice.sale(LocalDate.of(2025, 4, 1 + i), "Parallel Customer " + i, 1_000 + i);
            transactions.add(t);
            posts.add(() -> practice.accountant.post("/api/v1/transactions", t));
        }

        List<Integer> statuses = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Future<Response> response : threads.invokeAll(posts)) {
                statuses.add(response.get().status());
            }
        }

        assertThat(statuses).containsOnly(201).hasSize(12);
        for (Transaction t : transactions) {
            assertThat(practice.accountant.get("/api/v1/transactions/" + t.id()).status()).isEqualTo(200);
        }
    }

    @Test
    void listsAClientsTransactionsInDateOrderPageByPage() {
        Practice books = Practice.create(server, "rest-list");
        List<Transaction> posted = new ArrayList<>();
        for (int day = 1; day <= 7; day++) {
            Transaction t = books.sale(LocalDate.of(2025, 3, day), "Customer " + day, day * 100L);
            posted.add(t);
            books.accountant.post("/api/v1/transactions", t);
        }
        books.accountant.post("/api/v1/transactions", books.sale(LocalDate.of(2025, 4, 1), "Later", 100));

        List<String> seen = new ArrayList<>();
        String after = "";
        int pages = 0;
        do {
            JsonNode page = books.owner.get("/api/v1/transactions?client=" + books.client.id()
                    + "&from=2025-03-01&to=2025-03-31&limit=3" + (after.isEmpty() ? "" : "&after=" + after)).json();
            page.get("transactions").forEach(t -> seen.add(t.get("id").asText()));
            after = page.path("next").asText("");
            pages++;
        } while (!after.isEmpty());

        assertThat(pages).isEqualTo(3);
        assertThat(seen).containsExactlyElementsOf(posted.stream().map(t -> t.id().toString()).toList());
    }

    private static String with(ObjectNode body, String field, JsonNode value) {
        body.set(field, value);
        return body.toString();
    }

    private static JsonNode money(String amount, String currency) {
        return JSON.createObjectNode().put("amount", amount).put("currency", currency);
    }

    private static Transaction read(JsonNode node) {
        try {
            return JSON.treeToValue(node, Transaction.class);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static Response post(ApiClient user, String body, String idempotencyKey) {
        return user.post("POST", "/api/v1/transactions", body,
                idempotencyKey == null ? Map.of() : Map.of("Idempotency-Key", idempotencyKey));
    }

    private static long count(String sql) throws SQLException {
        return Long.parseLong(text(sql));
    }

    private static String text(String sql) throws SQLException {
        try (Connection c = server.dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getString(1);
        }
    }
}
