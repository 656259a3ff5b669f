package app.booksflow.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import app.booksflow.model.EntityType;
import app.booksflow.model.ledger.Transaction;
import app.booksflow.server.support.ApiClient.Response;
import app.booksflow.server.support.Device;
import app.booksflow.server.support.Practice;
import app.booksflow.server.support.TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Bad requests get a clear 4xx in the one error shape, and leave no trace in the books. */
class BadInputTest {

    private static final String TABLES = "entities, change_log, applied_mutations, transactions, audit_events";
    private static TestServer server;
    private static Practice practice;
    private Device device;
    private String before;

    @BeforeAll
    static void start() {
        server = TestServer.start(Map.of("request.max.bytes", "65536"));
        practice = Practice.create(server, "badinput");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void remember() throws SQLException {
        device = new Device(practice.accountant);
        device.pushOk(); // registers the device, so that later counts do not include it
        before = counts();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            malformed JSON            | {"schemaVersion":1,                                   | 400 | MALFORMED_JSON
            wrong type                | {"schemaVersion":"one","deviceId":null,"mutations":[]} | 400 | MALFORMED_JSON
            empty body                |                                                        | 400 | MALFORMED_JSON
            a JSON array              | []                                                     | 400 | MALFORMED_JSON
            a key given twice         | {"schemaVersion":1,"schemaVersion":1,"deviceId":"0195a1b2-0002-7000-8000-00000000d001","mutations":[]} | 400 | MALFORMED_JSON
            a second body after it    | {"schemaVersion":1,"deviceId":"0195a1b2-0002-7000-8000-00000000d001","mutations":[]} {} | 400 | MALFORMED_JSON
            unknown schema version    | {"schemaVersion":99,"deviceId":"0195a1b2-0002-7000-8000-00000000d001","mutations":[]} | 400 | OUT_OF_RANGE
            missing device            | {"schemaVersion":1,"mutations":[]}                     | 400 | REQUIRED
            """)
    void aMalformedPushIsRefusedWhole(String what, String body, int status, String code) throws SQLException {
        Response response = practice.accountant.sendJson("POST", "/api/v1/sync/push", body == null ? "" : body);

        assertError(response, status, code);
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void aPushThatIsNotJsonIsRefused() throws SQLException {
        Response response = practice.accountant.send("POST", "/api/v1/sync/push", "text/plain",
                "hello".getBytes(StandardCharsets.UTF_8));

        assertError(response, 415, "UNSUPPORTED_MEDIA_TYPE");
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void anOversizedPushIsRefusedWithoutReadingItAll() throws SQLException {
        String huge = "{\"schemaVersion\":1,\"padding\":\"" + "x".repeat(200_000) + "\"}";

        Response response = practice.accountant.sendJson("POST", "/api/v1/sync/push", huge);

        assertError(response, 413, "PAYLOAD_TOO_LARGE");
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void aVersionWithAFractionIsRefusedWholeNamingTheField() throws SQLException {
        Transaction a = practice.sale(LocalDate.of(2025, 5, 1), "A", 100);
        Transaction b = practice.sale(LocalDate.of(2025, 5, 1), "B", 100);
        ObjectNode request = app.booksflow.json.BooksFlowJson.newMapper().valueToTree(
                app.booksflow.protocol.PushRequest.of(device.id, List.of(
                        device.upsert(practice.client.id(), EntityType.TRANSACTION, a.id().value(), 0, a),
                        device.upsert(practice.client.id(), EntityType.TRANSACTION, b.id().value(), 0, b))));
        ((ObjectNode) request.get("mutations").get(1)).put("baseVersion", 0.5);

        Response response = practice.accountant.sendJson("POST", "/api/v1/sync/push", request.toString());

        assertError(response, 400, "MALFORMED_JSON");
        assertThat(response.json().get("message").asText()).contains("at mutations[1].baseVersion: expected a whole number, got 0.5");
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void mutationsOutOfDeviceOrderAreRefusedWhole() throws SQLException {
        Transaction a = practice.sale(LocalDate.of(2025, 5, 1), "A", 100);
        Transaction b = practice.sale(LocalDate.of(2025, 5, 1), "B", 100);
        var first = device.upsert(practice.client.id(), EntityType.TRANSACTION, a.id().value(), 0, a);
        var second = device.upsert(practice.client.id(), EntityType.TRANSACTION, b.id().value(), 0, b);

        ObjectNode request = app.booksflow.json.BooksFlowJson.newMapper().valueToTree(
                app.booksflow.protocol.PushRequest.of(device.id, List.of(first, second)));
        JsonNode mutations = request.get("mutations");
        request.putArray("mutations").add(mutations.get(1)).add(mutations.get(0));

        Response response = practice.accountant.sendJson("POST", "/api/v1/sync/push", request.toString());

        assertError(response, 400, "INVALID_STATE");
        assertThat(counts()).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            unknown currency    | total.currency      | "EURO"                 | UNKNOWN_CURRENCY
            amount overflow     | total.amount        | "99999999999999999999" | AMOUNT_OVERFLOW
            too many decimals   | total.amount        | "-12.345"              | TOO_MANY_DECIMALS
            invalid date        | date                | "2025-02-30"           | INVALID_PAYLOAD
            date as a number    | date                | 20250230               | OUT_OF_RANGE
            unbalanced splits   | total.amount        | "-13.00"               | SPLITS_UNBALANCED
            blank payee         | payee               | "  "                   | REQUIRED
            """)
    void aBadTransactionIsRejectedAloneWhileTheRestOfThePushApplies(String what, String field, String value, String code)
            throws Exception {
        Transaction good = practice.purchase(LocalDate.of(2025, 5, 2), "Good Supplies", 1_200);
        Transaction bad = practice.purchase(LocalDate.of(2025, 5, 2), "Bad Supplies", 1_200);
        ObjectNode payload = app.booksflow.json.BooksFlowJson.newMapper().valueToTree(bad);
        set(payload, field, app.booksflow.json.BooksFlowJson.newMapper().readTree(value));

        JsonNode outcomes = device.pushOk(
                device.upsert(practice.client.id(), EntityType.TRANSACTION, good.id().value(), 0, good),
                device.rawUpsert(practice.client.id(), EntityType.TRANSACTION, bad.id().value(), 0, payload));

        assertThat(outcomes.get(0).get("outcome").asText()).isEqualTo("applied");
        assertThat(outcomes.get(1).get("outcome").asText()).isEqualTo("rejected");
        assertThat(outcomes.get(1).get("code").asText()).isEqualTo(code);
        assertThat(outcomes.get(1).get("message").asText()).isNotBlank();
        assertThat(count("select count(*) from entities where id = '" + bad.id() + "'")).isZero();
        assertThat(count("select count(*) from transactions where id = '" + bad.id() + "'")).isZero();
        assertThat(count("select count(*) from audit_events where entity_id = '" + bad.id() + "' and action = 'SYNC_REJECTED'"))
                .isEqualTo(1);
    }

    @Test
    void aReplayedMutationWithAnotherPayloadChangesNothing() throws SQLException {
        Transaction original = practice.purchase(LocalDate.of(2025, 5, 3), "Original", 500);
        var mutation = device.upsert(practice.client.id(), EntityType.TRANSACTION, original.id().value(), 0, original);
        JsonNode first = device.pushOk(mutation);
        ObjectNode tampered = (ObjectNode) mutation.payload().deepCopy();
        tampered.put("payee", "Replayed");
        var replay = new app.booksflow.protocol.Mutation(mutation.mutationId(), mutation.deviceId(), mutation.deviceSequence(),
                mutation.clientId(), mutation.entityType(), mutation.entityId(), mutation.operation(), 0, tampered,
                mutation.deviceTime());

        JsonNode second = device.pushOk(replay);

        assertThat(second).isEqualTo(first);
        assertThat(count("select count(*) from transactions where payee = 'Replayed'")).isZero();
    }

    @Test
    void aDeviceOfAnotherUserCannotPushOrReplay() throws SQLException {
        Device borrowed = new Device(practice.admin);
        Transaction t = practice.sale(LocalDate.of(2025, 5, 4), "Borrowed", 100);
        var mutation = new app.booksflow.protocol.Mutation(app.booksflow.model.id.MutationId.random(), device.id, 99,
                practice.client.id(), EntityType.TRANSACTION, t.id().value(), app.booksflow.protocol.Operation.UPSERT, 0,
                app.booksflow.json.BooksFlowJson.newMapper().valueToTree(t), java.time.Instant.now());

        Response response = practice.admin.post("/api/v1/sync/push",
                app.booksflow.protocol.PushRequest.of(device.id, List.of(mutation)));

        assertError(response, 403, "FORBIDDEN");
        assertThat(counts()).isEqualTo(before);
        assertThat(borrowed.id).isNotEqualTo(device.id);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            cursor that is not a number | after=abc               | INVALID_CURSOR
            negative cursor             | after=-5                | INVALID_CURSOR
            limit zero                  | after=0&limit=0         | INVALID_LIMIT
            limit too large             | after=0&limit=100000    | INVALID_LIMIT
            limit not a number          | after=0&limit=many      | INVALID_PARAMETER
            wait too long               | after=0&wait=3600       | INVALID_WAIT
            """)
    void aMalformedPullIsRefused(String what, String query, String code) {
        Response response = practice.accountant.get("/api/v1/sync/pull?client=" + practice.client.id() + "&" + query);

        assertError(response, 400, code);
    }

    @Test
    void aPullWithoutOrWithAMalformedClientIsRefused() {
        assertError(practice.accountant.get("/api/v1/sync/pull?after=0"), 400, "MISSING_PARAMETER");
        assertError(practice.accountant.get("/api/v1/sync/pull?client=client-42"), 400, "INVALID_PARAMETER");
        assertError(practice.accountant.get("/api/v1/sync/pull?client=" + practice.client.id(),
                Map.of("BooksFlow-Schema-Version", "7")), 400, "OUT_OF_RANGE");
    }

    @Test
    void unknownRoutesAndMethodsAnswerInTheErrorShape() {
        assertError(practice.accountant.get("/api/v1/nothing-here"), 404, "NOT_FOUND");
        Response response = server.anonymous().get("/health");
        assertThat(response.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(response.header("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(response.header("Server")).isNull();
    }

    private static void assertError(Response response, int status, String code) {
        assertThat(response.status()).as(response.text()).isEqualTo(status);
        JsonNode error = response.json();
        assertThat(error.get("error").asText()).isEqualTo(code);
        assertThat(error.get("message").asText()).isNotBlank().doesNotContain("Exception").doesNotContain("at app.");
    }

    private static void set(ObjectNode payload, String path, JsonNode value) {
        String[] parts = path.split("\\.");
        ObjectNode node = payload;
        for (int i = 0; i < parts.length - 1; i++) {
            node = (ObjectNode) node.get(parts[i]);
        }
        Consumer<ObjectNode> setter = n -> n.set(parts[parts.length - 1], value);
        setter.accept(node);
    }

    private static String counts() throws SQLException {
        StringBuilder all = new StringBuilder();
        for (String table : TABLES.split(", ")) {
            all.append(table).append('=').append(count("select count(*) from " + table)).append(' ');
        }
        return all.toString();
    }

    private static long count(String sql) throws SQLException {
        try (Connection c = server.dataSource.getConnection(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }
}
