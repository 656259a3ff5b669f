package app.booksflow.server.sync;

import static org.assertj.core.api.Assertions.assertThat;

import app.booksflow.model.EntityType;
import app.booksflow.model.ledger.Transaction;
import app.booksflow.server.support.Device;
import app.booksflow.server.support.Practice;
import app.booksflow.server.support.TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PullPagingAndChecksumTest {

    private static TestServer server;
    private static Practice practice;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        practice = Practice.create(server, "paging");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void anInitialSyncComesInPagesAndResumesFromAnyCursor() {
        Device laptop = new Device(practice.accountant);
        List<app.booksflow.protocol.Mutation> batch = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            Transaction t = practice.sale(LocalDate.of(2025, 4, 1 + i), "Customer " + i, 1_000 + i);
            batch.add(laptop.upsert(practice.client.id(), EntityType.TRANSACTION, t.id().value(), 0, t));
        }
        laptop.pushOk(batch.toArray(app.booksflow.protocol.Mutation[]::new));

        Set<String> seen = new HashSet<>();
        List<String> order = new ArrayList<>();
        String cursor = "0";
        int pages = 0;
        boolean more = true;
        while (more) {
            JsonNode page = pull(cursor, 5, 0);
            page.get("changes").forEach(c -> {
                assertThat(seen.add(c.get("entityId").asText())).as("no change twice").isTrue();
                order.add(c.get("entityId").asText());
            });
            cursor = page.get("nextCursor").asText();
            more = page.get("hasMore").asBoolean();
            pages++;
        }

        assertThat(pages).isGreaterThan(2);
        assertThat(order).containsAll(batch.stream().map(m -> m.entityId().toString()).toList());
        JsonNode resumed = pull(cursor, 5, 0);
        assertThat(resumed.get("changes")).isEmpty();
        assertThat(resumed.get("nextCursor").asText()).isEqualTo(cursor);
    }

    @Test
    void aWaitingPullWakesUpWithAnotherDevicesChange() throws Exception {
        String cursor = pull("0", 5000, 0).get("nextCursor").asText();
        CompletableFuture<JsonNode> waiting = CompletableFuture.supplyAsync(() -> pull(cursor, 100, 25));

        Device desktop = new Device(practice.admin);
        Transaction sale = practice.sale(LocalDate.of(2025, 6, 1), "Walk-in", 2_500);
        desktop.pushOk(desktop.upsert(practice.client.id(), EntityType.TRANSACTION, sale.id().value(), 0, sale));

        JsonNode page = waiting.get(20, TimeUnit.SECONDS);
        assertThat(page.get("changes").get(0).get("entityId").asText()).isEqualTo(sale.id().toString());
    }

    @Test
    void theChecksumCountsEntitiesAndGivesTheTrialBalanceOfPostedTransactions() {
        JsonNode before = checksum();
        Device laptop = new Device(practice.accountant);
        Transaction purchase = practice.purchase(LocalDate.of(2025, 3, 3), "Stationers", 12_000);
        laptop.pushOk(laptop.upsert(practice.client.id(), EntityType.TRANSACTION, purchase.id().value(), 0, purchase));

        JsonNode after = checksum();

        assertThat(after.get("counts").get("TRANSACTION").asLong())
                .isEqualTo(before.get("counts").path("TRANSACTION").asLong(0) + 1);
        assertThat(after.get("versionsHash").asText()).hasSize(64).isNotEqualTo(before.get("versionsHash").asText());
        long sum = 0;
        for (JsonNode balance : after.get("trialBalance")) {
            sum += balance.get("balanceMinor").asLong();
        }
        assertThat(sum).as("a trial balance always balances").isZero();
        assertThat(balance(after, practice.account("1200")) - balance(before, practice.account("1200")))
                .as("the VAT in 120.00 at 20 %").isEqualTo(2_000);
        assertThat(balance(after, practice.account("6100")) - balance(before, practice.account("6100"))).isEqualTo(10_000);
        // The figures are as of the client's last change: the cursor a device holds once it has pulled everything.
        assertThat(after.get("asOf").asLong()).isGreaterThan(before.get("asOf").asLong());
        JsonNode everything = pull("0", 1_000, 0);
        assertThat(everything.get("hasMore").asBoolean()).isFalse();
        assertThat(after.get("asOf").asText()).isEqualTo(everything.get("nextCursor").asText());
    }

    private static long balance(JsonNode checksum, app.booksflow.model.id.AccountId account) {
        for (JsonNode balance : checksum.get("trialBalance")) {
            if (balance.get("accountId").asText().equals(account.toString())) {
                return balance.get("balanceMinor").asLong();
            }
        }
        return 0;
    }

    private static JsonNode checksum() {
        return practice.accountant.get("/api/v1/sync/checksum?client=" + practice.client.id()).json();
    }

    private static JsonNode pull(String after, int limit, int waitSeconds) {
        return practice.accountant.get("/api/v1/sync/pull?client=" + practice.client.id() + "&after=" + after
                + "&limit=" + limit + "&wait=" + waitSeconds).json();
    }
}
