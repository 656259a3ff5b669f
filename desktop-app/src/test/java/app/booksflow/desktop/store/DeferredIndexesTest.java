package app.booksflow.desktop.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.booksflow.desktop.support.ChildJvm;
import app.booksflow.desktop.support.DashboardSnapshot;
import app.booksflow.desktop.support.PlainIndexes;
import app.booksflow.desktop.support.TestBooks;
import app.booksflow.model.practice.Client;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The ledger's indexes set aside for a first sync into books without a ledger (ADR 0048), and put back. */
class DeferredIndexesTest {

    @TempDir
    Path dir;

    @Test
    void indexesSetAsideAreBuiltAgainAsTheyWereAndTheBooksWorkMeanwhile() {
        try (TestBooks books = TestBooks.open(dir)) {
            Client client = books.ukClient("Hartley Joinery");
            List<String> before = PlainIndexes.of(books.store);
            assertThat(before).as("the ledger's plain indexes").hasSizeGreaterThanOrEqualTo(8)
                    .anyMatch(index -> index.contains("\"TRANSACTIONS_BY_CLIENT_DATE_ID\""))
                    .anyMatch(index -> index.contains("\"SPLITS_BY_ACCOUNT\""))
                    .anyMatch(index -> index.contains("\"SYNC_ENTITIES_BY_CLIENT\""));

            assertThat(books.store.deferLedgerIndexes()).isEqualTo(before.size());
            assertThat(PlainIndexes.of(books.store)).isEmpty();
            assertThat(PlainIndexes.setAside(books.store)).hasSize(before.size());
            assertThat(books.store.deferLedgerIndexes()).as("already set aside").isZero();

            books.ledger.transactions().create(books.sale(client, LocalDate.of(2025, 5, 2), "120.00"), TestBooks.USER);
            assertThat(books.ledger.transactions().list(client.id(), LocalDate.of(2025, 5, 1), LocalDate.of(2025, 5, 31)))
                    .hasSize(1);

            assertThat(books.store.putBackLedgerIndexes()).isEqualTo(before.size());
            assertThat(PlainIndexes.of(books.store)).isEqualTo(before);
            assertThat(PlainIndexes.setAside(books.store)).isEmpty();
            assertThat(books.store.putBackLedgerIndexes()).as("nothing left to put back").isZero();
        }
    }

    @Test
    void booksThatHoldATransactionKeepTheirIndexes() {
        try (TestBooks books = TestBooks.open(dir)) {
            Client client = books.ukClient("Hartley Joinery");
            books.ledger.transactions().create(books.sale(client, LocalDate.of(2025, 5, 2), "120.00"), TestBooks.USER);
            List<String> before = PlainIndexes.of(books.store);

            assertThat(books.store.deferLedgerIndexes()).isZero();
            assertThat(PlainIndexes.of(books.store)).isEqualTo(before);
            assertThat(PlainIndexes.setAside(books.store)).isEmpty();
        }
    }

    @Test
    void booksClosedWithIndexesSetAsideGetThemBackWhenOpened() {
        List<String> before;
        try (TestBooks books = TestBooks.open(dir)) {
            Client client = books.ukClient("Hartley Joinery");
            before = PlainIndexes.of(books.store);
            books.store.deferLedgerIndexes();
            for (int day = 1; day <= 20; day++) {
                books.ledger.transactions().create(books.sale(client, LocalDate.of(2025, 5, day), "12.00"), TestBooks.USER);
            }
        }
        try (TestBooks books = TestBooks.open(dir)) {
            assertThat(PlainIndexes.of(books.store)).isEqualTo(before);
            assertThat(PlainIndexes.setAside(books.store)).isEmpty();
            Client client = books.ledger.clients().list().getFirst();
            assertThat(books.ledger.transactions().list(client.id(), LocalDate.of(2025, 5, 1), LocalDate.of(2025, 5, 31)))
                    .hasSize(20);
        }
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES) // a child JVM
    void booksKilledWithIndexesSetAsideGetThemBackWhenOpenedWithEverySavedWrite() throws Exception {
        Path books = dir.resolve("books");
        List<String> before;
        try (TestBooks device = TestBooks.open(books)) {
            device.ukClient("Hartley Joinery");
            before = PlainIndexes.of(device.store);
        }
        List<String> said;
        try (ChildJvm child = ChildJvm.start(SetAsideMain.class, dir.resolve("child.log"), books.toString(),
                "40")) {
            await().atMost(Duration.ofSeconds(90)).until(() -> child.lines().contains("WRITTEN") || !child.isAlive());
            child.kill();
            said = child.lines();
        }
        assertThat(said).containsExactly("SET ASIDE " + before.size(), "WRITTEN");

        try (TestBooks device = TestBooks.open(books)) {
            assertThat(PlainIndexes.of(device.store)).as("built again on opening").isEqualTo(before);
            assertThat(PlainIndexes.setAside(device.store)).isEmpty();
            Client client = device.ledger.clients().list().getFirst();
            assertThat(device.ledger.transactions().list(client.id(), LocalDate.of(2025, 5, 1), LocalDate.of(2025, 5, 31)))
                    .as("every saved write").hasSize(40);
            DashboardSnapshot[] dashboards = DashboardSnapshot.incrementalAndRebuilt(device.store);
            assertThat(dashboards[0]).isEqualTo(dashboards[1]);
        }
    }

    @Test
    void aRecordThatIsNotAPlainIndexIsNotRunAndTheBooksStillOpen() {
        List<String> before;
        try (TestBooks books = TestBooks.open(dir)) {
            books.ukClient("Hartley Joinery");
            before = PlainIndexes.of(books.store);
            books.store.deferLedgerIndexes();
            books.store.inDerivedTransaction(c -> {
                try (Statement statement = c.createStatement()) {
                    statement.executeUpdate("""
                            update deferred_indexes set definition = 'CREATE INDEX "PUBLIC"."SPLITS_BY_ACCOUNT" ON \
                            "PUBLIC"."SPLITS"("ACCOUNT_ID"); DROP TABLE "PUBLIC"."SPLITS"'
                            where name = 'SPLITS_BY_ACCOUNT'""");
                }
                return null;
            });
        }
        try (LocalStore store = LocalStore.open(new DataDirectory(dir))) {
            assertThat(PlainIndexes.of(store)).as("every other index back")
                    .containsExactlyElementsOf(before.stream().filter(i -> !i.contains("\"SPLITS_BY_ACCOUNT\"")).toList());
            assertThat(PlainIndexes.setAside(store)).as("the odd record kept, to be seen").containsExactly("SPLITS_BY_ACCOUNT");
            long splits = store.readJdbc(c -> count(c, "select count(*) from splits"));
            assertThat(splits).as("the splits table still there, empty as it was").isZero();
        }
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (Statement statement = c.createStatement(); ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }
}
