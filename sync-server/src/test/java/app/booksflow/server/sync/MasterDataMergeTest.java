package app.booksflow.server.sync;

import static org.assertj.core.api.Assertions.assertThat;

import app.booksflow.json.BooksFlowJson;
import app.booksflow.model.EntityType;
import app.booksflow.model.id.AccountId;
import app.booksflow.model.id.ClientId;
import app.booksflow.model.ledger.Account;
import app.booksflow.model.ledger.AccountType;
import app.booksflow.model.ledger.Transaction;
import app.booksflow.model.ledger.TransactionStatus;
import app.booksflow.model.practice.Client;
import app.booksflow.protocol.Mutation;
import app.booksflow.server.audit.AuditVerifier;
import app.booksflow.server.support.Device;
import app.booksflow.server.support.Practice;
import app.booksflow.server.support.TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Master data changed on two devices from the same base version: the server merges the fields each
 * device changed, in its own commit order (ADR 0027). Each test makes its own records.
 */
class MasterDataMergeTest {

    private static final ObjectMapper JSON = BooksFlowJson.newMapper();

    private static TestServer server;
    private static Practice practice;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        practice = Practice.create(server, "merge");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void twoDevicesChangingDifferentFieldsOfAnAccountBothKeepTheirChange() throws SQLException {
        Device laptop = new Device(practice.accountant);
        Device desktop = new Device(practice.admin);
        Account base = create(desktop, account("8100", "Travel", AccountType.EXPENSE));

        JsonNode renamed = push(laptop, 1, rename(base, "Travel and subsistence"));
        JsonNode recoded = push(desktop, 1, recode(base, "8150"));

        assertThat(renamed.get("version").asLong()).isEqualTo(2);
        assertThat(recoded.get("outcome").asText()).isEqualTo("applied");
        assertThat(recoded.get("version").asLong()).isEqualTo(3);
        assertThat(stored(base.id().value()).get("name").asText()).isEqualTo("Travel and subsistence");
        assertThat(stored(base.id().value()).get("code").asText()).isEqualTo("8150");
        assertThat(row("select code || ' ' || name from accounts where id = ?", base.id().value()))
                .isEqualTo("8150 Travel and subsistence");
    }

    @Test
    void theSameFieldChangedOnTwoDevicesKeepsTheLaterPush() throws SQLException {
        Device laptop = new Device(practice.accountant);
        Device desktop = new Device(practice.admin);
        Account base = create(desktop, account("8200", "Phone", AccountType.EXPENSE));

        push(desktop, 1, rename(base, "Telephone"));
        JsonNode later = push(laptop, 1, rename(base, "Phone and internet"));

        assertThat(later.get("outcome").asText()).isEqualTo("applied");
        assertThat(stored(base.id().value()).get("name").asText()).isEqualTo("Phone and internet");
        assertThat(stored(base.id().value()).get("code").asText()).isEqualTo("8200");
    }

    @Test
    void aClientsClosingDateAndNameChangedOnTwoDevicesBothSurvive() throws SQLException {
        Device laptop = new Device(practice.accountant);
        Device desktop = new Device(practice.admin);
        Client base = createClient(desktop, "Mill Lane Dairy");

        push(laptop, 1, base.withClosingDate(LocalDate.of(2024, 12, 31)));
        JsonNode renamed = push(desktop, 1, renamed(base, "Mill Lane Dairy Ltd"));

        assertThat(renamed.get("version").asLong()).isEqualTo(3);
        JsonNode stored = stored(base.id().value());
        assertThat(stored.get("name").asText()).isEqualTo("Mill Lane Dairy Ltd");
        assertThat(stored.get("closingDate").asText()).isEqualTo("2024-12-31");
        assertThat(row("select name || ' ' || closing_date from clients where id = ?", base.id().value()))
                .isEqualTo("Mill Lane Dairy Ltd 2024-12-31");
    }

    @Test
    void aClosingDateMergedIntoANewerVersionIsAuditedAsClosingThePeriod() throws SQLException {
        Device laptop = new Device(practice.accountant);
        Device desktop = new Device(practice.admin);
        Client base = createClient(desktop, "Quay Street Bikes");

        push(desktop, 1, renamed(base, "Quay Street Cycles"));
        push(laptop, 1, base.withClosingDate(LocalDate.of(2024, 12, 31)));

        assertThat(stored(base.id().value()).get("name").asText()).isEqualTo("Quay Street Cycles");
        List<String[]> events = audit(base.id().value());
        assertThat(events).extracting(e -> e[0] + " " + e[4])
                .containsSubsequence("CLOSE_PERIOD CRITICAL", "CONFLICT_RESOLVED MEDIUM");
    }

    @Test
    void aClosingDateClearedOnAnOlderVersionReopensTheBooks() throws SQLException {
        Device laptop = new Device(practice.accountant);
        Device desktop = new Device(practice.admin);
        Client base = createClient(desktop, "Harbour Fish Bar");
        Client closed = base.withClosingDate(LocalDate.of(2024, 12, 31));
        push(desktop, 1, closed);

        push(desktop, 2, renamed(closed, "Harbour Fish Bar Ltd"));
        JsonNode reopened = push(laptop, 2, base); // an empty closing date is left out of the payload

        assertThat(reopened.get("outcome").asText()).isEqualTo("applied");
        JsonNode stored = stored(base.id().value());
        assertThat(stored.has("closingDate")).isFalse();
        assertThat(stored.get("name").asText()).isEqualTo("Harbour Fish Bar Ltd");
        assertThat(audit(base.id().value())).extracting(e -> e[0]).endsWith("REOPEN_PERIOD", "CONFLICT_RESOLVED");
    }

    @Test
    void aRequiredFieldAnOlderDeviceLeavesOutKeepsTheServersValue() throws SQLException {
        Device laptop = new Device(practice.accountant);
        Device desktop = new Device(practice.admin);
        Account base = create(desktop, account("8300", "Postage", AccountType.EXPENSE));
        push(desktop, 1, rename(base, "Postage and couriers"));

        ObjectNode withoutName = JSON.valueToTree(recode(base, "8350"));
        withoutName.remove("name");
        JsonNode outcome = laptop.pushOk(laptop.rawUpsert(practice.client.id(), EntityType.ACCOUNT, base.id().value(), 1,
                withoutName)).get(0);

        assertThat(outcome.get("outcome").asText()).isEqualTo("applied");
        assertThat(stored(base.id().value()).get("name").asText()).isEqualTo("Postage and couriers");
        assertThat(stored(base.id().value()).get("code").asText()).isEqualTo("8350");
    }

    @Test
    void aMergedResultThatBreaksARuleIsRejectedWithTheRulesMessage() throws Exception {
        Device laptop = new Device(practice.accountant);
        Device desktop = new Device(practice.admin);
        Account travel = create(desktop, account("8400", "Hotels", AccountType.EXPENSE));
        Account other = create(desktop, account("8410", "Meals", AccountType.EXPENSE));
        push(desktop, 1, rename(travel, "Hotels and lodging"));
        push(desktop, 1, recode(other, "8450"));

        JsonNode outcome = push(laptop, 1, recode(travel, "8450"));

        assertThat(outcome.get("outcome").asText()).isEqualTo("rejected");
        assertThat(outcome.get("code").asText()).isEqualTo("DUPLICATE");
        assertThat(outcome.get("message").asText()).isEqualTo("Account code 8450 is already used by 'Meals'.");
        assertThat(version(travel.id().value())).isEqualTo(2);
        assertThat(stored(travel.id().value()).get("code").asText()).isEqualTo("8400");
        String[] rejected = audit(travel.id().value()).getLast();
        assertThat(rejected[0]).isEqualTo("SYNC_REJECTED");
        JsonNode state = JSON.readTree(rejected[2]);
        assertThat(state.get("mergedFromBaseVersion").asLong()).isEqualTo(1);
        assertThat(state.get("merged").get("name").asText()).isEqualTo("Hotels and lodging");
        assertThat(state.get("merged").get("code").asText()).isEqualTo("8450");
    }

    @Test
    void aRepeatedMergedPushAnswersTheFirstOutcomeAndChangesNothing() throws SQLException {
        Device laptop = new Device(practice.accountant);
        Device desktop = new Device(practice.admin);
        Account base = create(desktop, account("8500", "Cleaning", AccountType.EXPENSE));
        push(desktop, 1, rename(base, "Cleaning and hygiene"));
        Mutation recode = laptop.upsert(practice.client.id(), EntityType.ACCOUNT, base.id().value(), 1, recode(base, "8550"));

        JsonNode first = laptop.pushOk(recode);
        long changes = count("select count(*) from change_log");
        long events = count("select count(*) from audit_events");
        JsonNode again = laptop.pushOk(recode);

        assertThat(first.get(0).get("outcome").asText()).isEqualTo("applied");
        assertThat(again).isEqualTo(first);
        assertThat(version(base.id().value())).isEqualTo(3);
        assertThat(count("select count(*) from change_log")).isEqualTo(changes);
        assertThat(count("select count(*) from audit_events")).isEqualTo(events);
    }

    @Test
    void aPullServesTheMergedPayload() throws SQLException {
        Device laptop = new Device(practice.accountant);
        Device desktop = new Device(practice.admin);
        Account base = create(desktop, account("8600", "Software", AccountType.EXPENSE));
        push(desktop, 1, rename(base, "Software subscriptions"));
        String cursor = practice.accountant.get("/api/v1/sync/pull?client=" + practice.client.id() + "&after=0&limit=5000")
                .json().get("nextCursor").asText();

        push(laptop, 1, recode(base, "8650"));
        JsonNode changes = practice.accountant.get("/api/v1/sync/pull?client=" + practice.client.id() + "&after=" + cursor)
                .json().get("changes");

        assertThat(changes).hasSize(1);
        JsonNode change = changes.get(0);
        assertThat(change.get("entityId").asText()).isEqualTo(base.id().toString());
        assertThat(change.get("version").asLong()).isEqualTo(3);
        assertThat(change.get("deviceId").asText()).isEqualTo(laptop.id.toString());
        assertThat(change.get("payload").get("name").asText()).isEqualTo("Software subscriptions");
        assertThat(change.get("payload").get("code").asText()).isEqualTo("8650");
    }

    @Test
    void theAuditTrailShowsTheMergeWithItsBaseVersionAndDevice() throws Exception {
        Device laptop = new Device(practice.accountant);
        Device desktop = new Device(practice.admin);
        Account base = create(desktop, account("8700", "Training", AccountType.EXPENSE));
        push(desktop, 1, rename(base, "Training courses"));

        push(laptop, 1, recode(rename(base, "Staff training"), "8750"));

        List<String[]> events = audit(base.id().value());
        String[] update = events.get(events.size() - 2);
        String[] merge = events.getLast();
        assertThat(update[0]).isEqualTo("UPDATE");
        assertThat(JSON.readTree(update[1]).get("name").asText()).isEqualTo("Training courses");
        assertThat(JSON.readTree(update[2]).get("name").asText()).isEqualTo("Staff training");
        assertThat(JSON.readTree(update[2]).get("code").asText()).isEqualTo("8750");
        assertThat(merge[0]).isEqualTo("CONFLICT_RESOLVED");
        assertThat(merge[3]).isEqualTo(laptop.id.toString());
        assertThat(JSON.readTree(merge[1])).isEqualTo(JSON.valueToTree(base));
        JsonNode resolution = JSON.readTree(merge[2]);
        assertThat(resolution.get("resolution").asText()).isEqualTo("MERGED_FIELDS");
        assertThat(resolution.get("baseVersion").asLong()).isEqualTo(1);
        assertThat(resolution.get("serverVersion").asLong()).isEqualTo(2);
        assertThat(resolution.get("version").asLong()).isEqualTo(3);
        assertThat(resolution.get("changedFields")).extracting(JsonNode::asText).containsExactly("code", "name");
        assertThat(resolution.get("overwrittenFields")).extracting(JsonNode::asText).containsExactly("name");
        assertThat(resolution.get("sent").get("name").asText()).isEqualTo("Staff training");
    }

    @Test
    void theAuditChainVerifiesAfterMerges() throws SQLException {
        Device laptop = new Device(practice.accountant);
        Device desktop = new Device(practice.admin);
        Account base = create(desktop, account("8800", "Insurance", AccountType.EXPENSE));
        push(desktop, 1, rename(base, "Insurance premiums"));
        push(laptop, 1, recode(base, "8850"));

        assertThat(audit(base.id().value())).extracting(e -> e[0]).contains("CONFLICT_RESOLVED");
        try (Connection c = server.dataSource.getConnection()) {
            AuditVerifier.Report report = new AuditVerifier().verify(c, practice.organization.id());
            assertThat(report.problems()).isEmpty();
            assertThat(report.intact()).isTrue();
        }
    }

    @Test
    void aTransactionChangedOnAnOlderVersionIsStillAConflict() {
        Device laptop = new Device(practice.accountant);
        Device desktop = new Device(practice.admin);
        Transaction original = practice.purchase(LocalDate.of(2025, 5, 6), "Paper Mill", 1_200);
        desktop.pushOk(desktop.upsert(practice.client.id(), EntityType.TRANSACTION, original.id().value(), 0, original));
        desktop.pushOk(desktop.upsert(practice.client.id(), EntityType.TRANSACTION, original.id().value(), 1,
                withMemo(original, "from the desktop")));

        JsonNode outcome = push(laptop, 1, withPayee(original, "Paper Mill Ltd"), EntityType.TRANSACTION);

        assertThat(outcome.get("outcome").asText()).isEqualTo("conflict");
        assertThat(outcome.get("serverVersion").asLong()).isEqualTo(2);
        assertThat(outcome.get("serverState").get("memo").asText()).isEqualTo("from the desktop");
    }

    @Test
    void aDeleteOnAnOlderVersionOfAnAccountIsStillAConflict() {
        Device laptop = new Device(practice.accountant);
        Device desktop = new Device(practice.admin);
        Account base = create(desktop, account("8900", "Sundries", AccountType.EXPENSE));
        push(desktop, 1, rename(base, "Sundry expenses"));

        JsonNode outcome = laptop.pushOk(laptop.delete(practice.client.id(), EntityType.ACCOUNT, base.id().value(), 1)).get(0);

        assertThat(outcome.get("outcome").asText()).isEqualTo("conflict");
        assertThat(outcome.get("serverState").get("name").asText()).isEqualTo("Sundry expenses");
    }

    @Test
    void anUpdateOfADeletedAccountIsStillAConflict() {
        Device laptop = new Device(practice.accountant);
        Device desktop = new Device(practice.admin);
        Account base = create(desktop, account("8910", "Gifts", AccountType.EXPENSE));
        desktop.pushOk(desktop.delete(practice.client.id(), EntityType.ACCOUNT, base.id().value(), 1));

        JsonNode outcome = push(laptop, 1, rename(base, "Client gifts"));

        assertThat(outcome.get("outcome").asText()).isEqualTo("conflict");
        assertThat(outcome.get("serverDeleted").asBoolean()).isTrue();
    }

    @Test
    void aBaseVersionTheChangeLogDoesNotHaveIsStillAConflict() throws SQLException {
        Device laptop = new Device(practice.accountant);
        Device desktop = new Device(practice.admin);
        Account base = create(desktop, account("8920", "Donations", AccountType.EXPENSE));
        push(desktop, 1, rename(base, "Charitable donations"));
        try (Connection c = server.dataSource.getConnection();
                PreparedStatement forget = c.prepareStatement("delete from change_log where entity_id = ? and version = 1")) {
            forget.setObject(1, base.id().value());
            assertThat(forget.executeUpdate()).isEqualTo(1);
        }

        JsonNode outcome = push(laptop, 1, recode(base, "8925"));

        assertThat(outcome.get("outcome").asText()).isEqualTo("conflict");
        assertThat(stored(base.id().value()).get("code").asText()).isEqualTo("8920");
    }

    private static Account account(String code, String name, AccountType type) {
        return new Account(AccountId.random(), practice.client.id(), code, name, type);
    }

    private static Account rename(Account account, String name) {
        return new Account(account.id(), account.client(), account.code(), name, account.type());
    }

    private static Account recode(Account account, String code) {
        return new Account(account.id(), account.client(), code, account.name(), account.type());
    }

    private static Client renamed(Client client, String name) {
        return new Client(client.id(), client.organization(), name, client.baseCurrency(), client.fiscalYearStart(),
                client.closingDate());
    }

    private static Transaction withMemo(Transaction t, String memo) {
        return new Transaction(t.id(), t.client(), t.date(), t.payee(), memo, t.bankAccount(), t.total(),
                TransactionStatus.POSTED, t.splits());
    }

    private static Transaction withPayee(Transaction t, String payee) {
        return new Transaction(t.id(), t.client(), t.date(), payee, t.memo(), t.bankAccount(), t.total(),
                TransactionStatus.POSTED, t.splits());
    }

    private static Account create(Device device, Account account) {
        JsonNode outcome = push(device, 0, account);
        assertThat(outcome.path("version").asLong()).as(outcome.toString()).isEqualTo(1);
        return account;
    }

    private static Client createClient(Device device, String name) {
        Client client = new Client(ClientId.random(), practice.organization.id(), name, practice.client.baseCurrency(),
                MonthDay.of(1, 1), Optional.empty());
        JsonNode outcome = device.pushOk(device.upsert(client.id(), EntityType.CLIENT, client.id().value(), 0, client)).get(0);
        assertThat(outcome.path("version").asLong()).as(outcome.toString()).isEqualTo(1);
        practice.admin.post("/api/v1/admin/assignments",
                java.util.Map.of("accountant", practice.accountantUser.id(), "client", client.id()));
        return client;
    }

    private static JsonNode push(Device device, long baseVersion, Object entity) {
        EntityType type = entity instanceof Client ? EntityType.CLIENT : EntityType.ACCOUNT;
        return push(device, baseVersion, entity, type);
    }

    private static JsonNode push(Device device, long baseVersion, Object entity, EntityType type) {
        ClientId client = entity instanceof Client c ? c.id() : practice.client.id();
        UUID id = switch (entity) {
            case Client c -> c.id().value();
            case Account a -> a.id().value();
            case Transaction t -> t.id().value();
            default -> throw new IllegalArgumentException("Not pushed here: " + entity);
        };
        return device.pushOk(device.upsert(client, type, id, baseVersion, entity)).get(0);
    }

    private static JsonNode stored(UUID id) throws SQLException {
        try {
            return JSON.readTree(row("select payload from entities where id = ?", id));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }

    private static long version(UUID id) throws SQLException {
        return Long.parseLong(row("select version from entities where id = ?", id));
    }

    /** The entity's audit events in order: action, before, after, device, risk. */
    private static List<String[]> audit(UUID entity) throws SQLException {
        List<String[]> events = new ArrayList<>();
        try (Connection c = server.dataSource.getConnection(); PreparedStatement select = c.prepareStatement(
                "select action, before_state, after_state, device_id, risk from audit_events where entity_id = ? order by seq")) {
            select.setObject(1, entity);
            try (ResultSet r = select.executeQuery()) {
                while (r.next()) {
                    events.add(new String[] {r.getString(1), r.getString(2), r.getString(3), r.getString(4), r.getString(5)});
                }
            }
        }
        return events;
    }

    private static String row(String sql, UUID id) throws SQLException {
        try (Connection c = server.dataSource.getConnection(); PreparedStatement select = c.prepareStatement(sql)) {
            select.setObject(1, id);
            try (ResultSet r = select.executeQuery()) {
                assertThat(r.next()).as(sql).isTrue();
                return r.getString(1);
            }
        }
    }

    private static long count(String sql) throws SQLException {
        try (Connection c = server.dataSource.getConnection(); PreparedStatement select = c.prepareStatement(sql);
                ResultSet r = select.executeQuery()) {
            r.next();
            return r.getLong(1);
        }
    }
}
