package app.booksflow.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import app.booksflow.model.EntityType;
import app.booksflow.model.id.AccountId;
import app.booksflow.model.id.ClientId;
import app.booksflow.model.ledger.ChartOfAccounts;
import app.booksflow.model.ledger.ChartTemplate;
import app.booksflow.model.ledger.Split;
import app.booksflow.model.ledger.Transaction;
import app.booksflow.model.ledger.TransactionStatus;
import app.booksflow.model.money.Currencies;
import app.booksflow.model.money.Money;
import app.booksflow.model.practice.Client;
import app.booksflow.protocol.Mutation;
import app.booksflow.server.support.ApiClient;
import app.booksflow.server.support.ApiClient.Response;
import app.booksflow.server.support.Device;
import app.booksflow.server.support.Multipart;
import app.booksflow.server.support.Practice;
import app.booksflow.server.support.ReceiptFiles;
import app.booksflow.server.support.TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every endpoint, called with the ids of a client the caller may not see, by three callers: the admin
 * of another practice (must get 404: nothing says the client exists), an accountant of the same
 * practice who is not assigned to it, and the owner of another client (403 or 404). No answer may
 * contain anything of the client's books.
 */
class TenancyMatrixTest {

    private static final String SECRET = "Secret Payee Of The Hidden Client";
    private static TestServer server;
    private static Practice practice;
    private static Practice otherPractice;
    private static Client hidden;
    private static Transaction hiddenTransaction;
    private static final byte[] HIDDEN_FILE = ReceiptFiles.png(4242);
    private static String hiddenFileHash;
    private static String hiddenBooks;

    /** Who calls, and what they must be answered at least. */
    enum Caller {
        OTHER_PRACTICE_ADMIN(404),
        UNASSIGNED_ACCOUNTANT(403),
        OTHER_CLIENTS_OWNER(403);

        final int expected;

        Caller(int expected) {
            this.expected = expected;
        }

        ApiClient api() {
            return switch (this) {
                case OTHER_PRACTICE_ADMIN -> otherPractice.admin;
                case UNASSIGNED_ACCOUNTANT -> practice.accountant;
                case OTHER_CLIENTS_OWNER -> practice.owner;
            };
        }
    }

    /** An endpoint called against the hidden client's ids. */
    record Endpoint(String name, BiFunction<ApiClient, Caller, Response> call) {
        @Override
        public String toString() {
            return name;
        }
    }

    @BeforeAll
    static void start() {
        server = TestServer.start();
        practice = Practice.create(server, "tenant-a");
        otherPractice = Practice.create(server, "tenant-b");
        hidden = new Client(ClientId.random(), practice.organization.id(), "Hidden Ltd", Currencies.EUR,
                MonthDay.of(1, 1), Optional.empty());
        ChartOfAccounts chart = ChartTemplate.smallBusiness().instantiate(hidden.id(), AccountId::random);
        Money total = Money.ofMinor(-4_200, Currencies.EUR);
        hiddenTransaction = new Transaction(app.booksflow.model.id.TransactionId.random(), hidden.id(),
                LocalDate.of(2025, 5, 5), SECRET, "", chart.byCode("1000").orElseThrow().id(), total,
                TransactionStatus.POSTED, List.of(Split.of(chart.byCode("6100").orElseThrow().id(), total)));
        Device admin = new Device(practice.admin);
        List<Mutation> books = new ArrayList<>();
        books.add(admin.upsert(hidden.id(), EntityType.CLIENT, hidden.id().value(), 0, hidden));
        chart.accounts().forEach(a -> books.add(admin.upsert(hidden.id(), EntityType.ACCOUNT, a.id().value(), 0, a)));
        books.add(admin.upsert(hidden.id(), EntityType.TRANSACTION, hiddenTransaction.id().value(), 0, hiddenTransaction));
        admin.pushOk(books.toArray(Mutation[]::new)).forEach(o -> assertThat(o.get("outcome").asText()).isEqualTo("applied"));
        Multipart upload = new Multipart().field("client", hidden.id().toString())
                .file("file", "hidden-receipt.png", "image/png", HIDDEN_FILE);
        Response uploaded = practice.admin.send("POST", "/api/v1/receipts/upload", upload.contentType(), upload.bytes());
        assertThat(uploaded.status()).as(uploaded.text()).isEqualTo(200);
        hiddenFileHash = uploaded.json().get("file").get("sha256").asText();
        hiddenBooks = hiddenBooks();
    }

    /** Every row of the hidden client's books, to prove that no refused call changed them. */
    private static String hiddenBooks() {
        try (var c = server.dataSource.getConnection(); var s = c.createStatement();
                var r = s.executeQuery("select count(*), coalesce(sum(version), 0), (select count(*) from receipts where "
                        + "client_id = '" + hidden.id() + "'), (select count(*) from transactions where client_id = '"
                        + hidden.id() + "') from entities where client_id = '" + hidden.id() + "'")) {
            r.next();
            return r.getLong(1) + "/" + r.getLong(2) + "/" + r.getLong(3) + "/" + r.getLong(4);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static Stream<Endpoint> clientEndpoints() {
        return Stream.of(
                new Endpoint("GET pull", (api, caller) -> api.get("/api/v1/sync/pull?client=" + hidden.id() + "&after=0")),
                new Endpoint("GET pull long-poll", (api, caller) -> api.get("/api/v1/sync/pull?client=" + hidden.id() + "&after=0&wait=1")),
                new Endpoint("GET checksum", (api, caller) -> api.get("/api/v1/sync/checksum?client=" + hidden.id())),
                new Endpoint("POST push to the client", (api, caller) -> pushInto(api, hidden.id(), hiddenTransaction)),
                new Endpoint("POST push editing its transaction", (api, caller) -> pushEdit(api)),
                new Endpoint("GET dashboard", (api, caller) -> api.get("/api/v1/analytics/dashboard?client=" + hidden.id())),
                new Endpoint("GET its transactions", (api, caller) -> api.get("/api/v1/transactions?client=" + hidden.id()
                        + "&from=2025-01-01&to=2025-12-31")),
                new Endpoint("GET its transaction", (api, caller) -> api.get("/api/v1/transactions/" + hiddenTransaction.id())),
                new Endpoint("POST a transaction into it", (api, caller) -> api.post("/api/v1/transactions",
                        intruding(hidden.id(), hiddenTransaction))),
                new Endpoint("GET its audit trail", (api, caller) ->
                        api.get("/api/v1/compliance/audit-trail?client=" + hidden.id())),
                new Endpoint("GET its receipt file", (api, caller) -> api.get("/api/v1/blobs/" + hiddenFileHash)),
                new Endpoint("GET whether its receipt file exists", (api, caller) -> existsAsNotFound(
                        api.get("/api/v1/blobs/" + hiddenFileHash + "/exists"))),
                new Endpoint("POST a receipt upload into it", (api, caller) -> {
                    Multipart upload = new Multipart().field("client", hidden.id().toString())
                            .file("file", "intruder.png", "image/png", ReceiptFiles.png(7));
                    return api.send("POST", "/api/v1/receipts/upload", upload.contentType(), upload.bytes());
                }));
    }

    /** Listings that answer 200 to everyone allowed to call them, but must not include the hidden client. */
    static Stream<Endpoint> listings() {
        return Stream.of(
                new Endpoint("GET overview", (api, caller) -> {
                    practice.admin.post("/api/v1/analytics/refresh", Map.of());
                    return api.get("/api/v1/analytics/overview");
                }),
                new Endpoint("GET practice audit trail", (api, caller) -> api.get("/api/v1/compliance/audit-trail")),
                new Endpoint("GET me", (api, caller) -> api.get("/api/v1/me")));
    }

    static Stream<Arguments> listingMatrix() {
        return listings().flatMap(e -> Stream.of(Caller.values()).map(c -> Arguments.of(e, c)));
    }

    @ParameterizedTest(name = "{0} by {1}")
    @MethodSource("listingMatrix")
    void listingsLeaveOutWhatTheCallerMayNotSee(Endpoint endpoint, Caller caller) {
        Response response = endpoint.call().apply(caller.api(), caller);

        assertThat(response.status()).as(response.text()).isIn(200, 403);
        assertLeaksNothing(response);
        if (!endpoint.name().contains("audit")) {
            // An intruder's own audit trail names the ids the intruder sent; nothing else may.
            assertThat(response.text()).doesNotContain(hidden.id().toString());
        }
    }

    static Stream<Endpoint> adminEndpoints() {
        return Stream.of(
                new Endpoint("POST revoke sessions of its user", (api, caller) ->
                        api.post("/api/v1/admin/users/" + practice.accountantUser.id() + "/revoke-sessions", Map.of())),
                new Endpoint("POST assign its accountant", (api, caller) -> api.post("/api/v1/admin/assignments",
                        Map.of("accountant", practice.accountantUser.id(), "client", hidden.id()))),
                new Endpoint("POST user for its client", (api, caller) -> api.post("/api/v1/admin/users",
                        Map.of("email", "intruder-" + caller.name().toLowerCase() + "@example.com", "displayName", "Intruder",
                                "role", "CLIENT", "client", hidden.id(), "password", "long enough password"))),
                new Endpoint("GET users", (api, caller) -> caller == Caller.OTHER_PRACTICE_ADMIN
                        ? api.get("/api/v1/admin/users") : api.get("/api/v1/admin/users")));
    }

    static Stream<Arguments> clientMatrix() {
        return clientEndpoints().flatMap(e -> Stream.of(Caller.values()).map(c -> Arguments.of(e, c)));
    }

    static Stream<Arguments> adminMatrix() {
        return adminEndpoints().flatMap(e -> Stream.of(Caller.values()).map(c -> Arguments.of(e, c)));
    }

    @ParameterizedTest(name = "{0} by {1}")
    @MethodSource("clientMatrix")
    void aClientsDataIsInvisibleToThoseWhoMayNotSeeIt(Endpoint endpoint, Caller caller) {
        Response response = endpoint.call().apply(caller.api(), caller);

        int status = effectiveStatus(response);
        if (caller == Caller.OTHER_PRACTICE_ADMIN) {
            assertThat(status).as(response.text()).isEqualTo(404);
        } else {
            assertThat(status).as(response.text()).isIn(403, 404);
        }
        assertLeaksNothing(response);
        assertThat(hiddenBooks()).isEqualTo(hiddenBooks);
    }

    @ParameterizedTest(name = "{0} by {1}")
    @MethodSource("adminMatrix")
    void aPracticesPeopleAreInvisibleToOthers(Endpoint endpoint, Caller caller) {
        Response response = endpoint.call().apply(caller.api(), caller);

        if (caller == Caller.OTHER_PRACTICE_ADMIN) {
            if (endpoint.name().equals("GET users")) {
                assertThat(response.status()).isEqualTo(200);
                assertThat(response.text()).doesNotContain("tenant-a");
            } else {
                assertThat(response.status()).as(response.text()).isEqualTo(404);
            }
        } else {
            assertThat(response.status()).as(response.text()).isEqualTo(403);
        }
        assertLeaksNothing(response);
    }

    /** A push always answers 200 with one outcome per mutation; a refused mutation counts as its code. */
    private static int effectiveStatus(Response response) {
        if (response.status() != 200 || !response.text().contains("\"outcomes\"")) {
            return response.status();
        }
        JsonNode outcome = response.json().get("outcomes").get(0);
        assertThat(outcome.get("outcome").asText()).isEqualTo("rejected");
        return switch (outcome.get("code").asText()) {
            case "NOT_FOUND", "INVALID_PAYLOAD" -> 404;
            case "PERMISSION_DENIED" -> 403;
            default -> throw new AssertionError("Unexpected rejection " + outcome);
        };
    }

    private static void assertLeaksNothing(Response response) {
        assertThat(response.text()).doesNotContain(SECRET).doesNotContain("Hidden Ltd").doesNotContain("-42.00");
    }

    private static Response pushInto(ApiClient api, ClientId client, Transaction transaction) {
        Device device = new Device(api);
        Transaction copy = intruding(client, transaction);
        return device.push(List.of(device.upsert(client, EntityType.TRANSACTION, copy.id().value(), 0, copy)));
    }

    /** "exists: false" for a file the caller may not see is what 404 is elsewhere. */
    private static Response existsAsNotFound(Response response) {
        if (response.status() == 200 && !response.json().get("exists").asBoolean()) {
            return new Response(404, response.headers(), response.text());
        }
        return response;
    }

    /** What an intruder could send: ids copied from somewhere, but none of the hidden books' content. */
    private static Transaction intruding(ClientId client, Transaction transaction) {
        return guess(app.booksflow.model.id.TransactionId.random(), client, transaction);
    }

    private static Transaction guess(app.booksflow.model.id.TransactionId id, ClientId client, Transaction transaction) {
        Money total = Money.ofMinor(-100, Currencies.EUR);
        return new Transaction(id, client, transaction.date(), "Intruder", "", transaction.bankAccount(), total,
                TransactionStatus.POSTED, List.of(Split.of(transaction.splits().get(0).account(), total)));
    }

    private static Response pushEdit(ApiClient api) {
        Device device = new Device(api);
        return device.push(List.of(device.upsert(hidden.id(), EntityType.TRANSACTION, hiddenTransaction.id().value(), 1,
                guess(hiddenTransaction.id(), hidden.id(), hiddenTransaction))));
    }
}
