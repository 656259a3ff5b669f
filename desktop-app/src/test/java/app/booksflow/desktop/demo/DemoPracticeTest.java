package app.booksflow.desktop.demo;

import static org.assertj.core.api.Assertions.assertThat;

import app.booksflow.desktop.dashboard.Dashboard;
import app.booksflow.desktop.dashboard.DashboardQueries;
import app.booksflow.desktop.ledger.LedgerServices;
import app.booksflow.desktop.store.DataDirectory;
import app.booksflow.desktop.store.LedgerRows;
import app.booksflow.desktop.store.LocalStore;
import app.booksflow.desktop.support.DashboardSnapshot;
import app.booksflow.desktop.support.MutableClock;
import app.booksflow.model.ledger.Transaction;
import app.booksflow.model.practice.Client;
import app.booksflow.model.receipt.ReceiptStatus;
import app.booksflow.testdata.PracticeSpec;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoPracticeTest {

    private static final LocalDate TODAY = LocalDate.of(2025, 12, 31);

    @TempDir
    Path dir;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-02T08:00:00Z"));

    /** One load of the whole demo (the slowest step here) for both: the figures and what a client's dashboard shows. */
    @Test
    void loadsTheDemoPracticeWithDashboardsExactlyAsARebuildMakesThemShowingMoneyReceiptsAndTheLoad() {
        try (LocalStore store = LocalStore.open(new DataDirectory(dir))) {
            DemoLoad load = DemoPractice.loadIfEmpty(store, clock, client -> { }).orElseThrow();

            assertThat(load.clients()).isEqualTo(5);
            assertThat(load.transactions()).isEqualTo(20_000);
            assertThat(load.receipts()).isPositive();
            DashboardSnapshot[] snapshots = DashboardSnapshot.incrementalAndRebuilt(store);
            assertThat(snapshots[0].rows()).isNotEmpty().containsExactlyElementsOf(snapshots[1].rows());
            aDemoClientsDashboardShowsMoneyReceiptsAndTheLoadInItsActivity(store);
        }
    }

    @Test
    void theDemoRunsUpToTodayOnceItsOwnYearsArePast() {
        assertThat(DemoPractice.specFor(LocalDate.of(2025, 6, 30))).isEqualTo(PracticeSpec.demo());
        assertThat(DemoPractice.specFor(TODAY)).isEqualTo(PracticeSpec.demo());

        PracticeSpec later = DemoPractice.specFor(LocalDate.of(2026, 11, 26));
        assertThat(later.from()).isEqualTo(LocalDate.of(2024, 12, 1));
        assertThat(later.to()).isEqualTo(LocalDate.of(2026, 11, 26));
        assertThat(later.withTransactions(20_000)).isEqualTo(later);
        assertThat(later.seed()).isEqualTo(PracticeSpec.demo().seed());
        assertThat(later.clients()).isEqualTo(PracticeSpec.demo().clients());
    }

    @Test
    void aNewUserSeesThisMonthAtWork() {
        MutableClock november = new MutableClock(Instant.parse("2026-11-26T09:00:00Z"));
        try (LocalStore store = LocalStore.open(new DataDirectory(dir))) {
            DemoPractice.loadIfEmpty(store, november, client -> { }).orElseThrow();

            long thisMonth = store.readJdbc(connection -> {
                try (var statement = connection.prepareStatement(
                        "select count(*) from transactions t where t.date between ? and ?")) {
                    statement.setObject(1, LocalDate.of(2026, 11, 1));
                    statement.setObject(2, LocalDate.of(2026, 11, 26));
                    try (var rows = statement.executeQuery()) {
                        rows.next();
                        return rows.getLong(1);
                    }
                }
            });
            assertThat(thisMonth).isGreaterThan(100);
        }
    }

    @Test
    void storesEveryGeneratedTransactionCompleteAndBalanced() {
        PracticeSpec spec = PracticeSpec.demo().withTransactions(2_000);
        try (LocalStore store = LocalStore.open(new DataDirectory(dir))) {
            DemoPractice.load(store, spec, clock, client -> { }).orElseThrow();
            LedgerServices ledger = new LedgerServices(store, clock);

            List<Transaction> stored = new ArrayList<>();
            for (Client client : ledger.clients().list()) {
                store.read(session -> {
                    session.doWork(c -> LedgerRows.forEachTransaction(c, client.id(), false, stored::add));
                    return null;
                });
            }
            assertThat(stored).hasSize(2_000);
        }
    }

    @Test
    void tellsTheScreenOfEachClientAsSoonAsItsBooksAreIn() {
        List<Client> told = new ArrayList<>();
        try (LocalStore store = LocalStore.open(new DataDirectory(dir))) {
            DemoPractice.load(store, PracticeSpec.demo().withTransactions(500), clock, told::add).orElseThrow();

            assertThat(told).hasSize(5).doesNotHaveDuplicates();
        }
    }

    @Test
    void finishesALoadThatWasCutShortWithTheClientsThatHaveNoBooksYet() {
        PracticeSpec spec = PracticeSpec.demo().withClients(3).withTransactions(600);
        try (LocalStore store = LocalStore.open(new DataDirectory(dir))) {
            DemoPractice.load(store, spec, clock, client -> { }).orElseThrow();
            Client second = new LedgerServices(store, clock).clients().list().get(1);
            // Each client's books commit in one transaction: a load cut short leaves a client set up but empty.
            store.runInTransaction(session -> session.doWork(connection -> {
                for (String sql : List.of(
                        "delete from search_pending where transaction_id in (select id from transactions where client_id = ?)",
                        "delete from receipt_terms where client_id = ?",
                        "delete from receipts where client_id = ?",
                        "delete from splits where transaction_id in (select id from transactions where client_id = ?)",
                        "delete from transactions where client_id = ?",
                        "delete from dash_account_days where client_id = ?",
                        "delete from dash_client_days where client_id = ?",
                        "delete from dash_receipt_statuses where client_id = ?",
                        "delete from dash_receipt_quality where client_id = ?",
                        "delete from search_terms where client_id = ?")) {
                    try (var statement = connection.prepareStatement(sql)) {
                        statement.setObject(1, second.id().value());
                        statement.executeUpdate();
                    }
                }
            }));

            List<Client> told = new ArrayList<>();
            DemoLoad resumed = DemoPractice.load(store, spec, clock, told::add).orElseThrow();

            assertThat(told).containsExactly(second);
            assertThat(resumed.clients()).isEqualTo(1);
            long transactions = store.read(session -> session
                    .createSelectionQuery("select count(t) from TransactionEntity t", Long.class).getSingleResult());
            assertThat(transactions).isEqualTo(600);
            DashboardSnapshot[] snapshots = DashboardSnapshot.incrementalAndRebuilt(store);
            assertThat(snapshots[0].rows()).containsExactlyElementsOf(snapshots[1].rows());
        }
    }

    @Test
    void leavesAStoreWithAPracticeOfItsOwnAlone() {
        try (LocalStore store = LocalStore.open(new DataDirectory(dir))) {
            new LedgerServices(store, clock).practice().setUp("Our own practice", "alex");

            assertThat(DemoPractice.loadIfEmpty(store, clock, client -> { })).isEmpty();
            assertThat(new LedgerServices(store, clock).clients().list()).isEmpty();
        }
    }

    @Test
    void aSecondRunLeavesTheStoredPracticeAlone() {
        PracticeSpec small = PracticeSpec.tiny();
        try (LocalStore store = LocalStore.open(new DataDirectory(dir))) {
            DemoPractice.load(store, small, clock, client -> { }).orElseThrow();
            DashboardSnapshot before = DashboardSnapshot.of(store);

            assertThat(DemoPractice.load(store, small, clock, client -> { })).isEmpty();
            assertThat(DashboardSnapshot.of(store)).isEqualTo(before);
        }
    }

    private void aDemoClientsDashboardShowsMoneyReceiptsAndTheLoadInItsActivity(LocalStore store) {
        Client client = new LedgerServices(store, clock).clients().list().get(0);

        Dashboard dashboard = new DashboardQueries(store).dashboard(client.id(), TODAY, 10);

        assertThat(dashboard.lastTwelveMonths()).hasSize(12);
        assertThat(dashboard.lastTwelveMonths()).anySatisfy(month -> assertThat(month.income().isPositive()).isTrue());
        assertThat(dashboard.month().lastMonth().transactions()).isPositive();
        assertThat(dashboard.expensesThisMonth()).isNotEmpty();
        assertThat(dashboard.receipts().count(ReceiptStatus.COMPLETED)).isPositive();
        assertThat(dashboard.receipts().accuracyPercent()).hasValueSatisfying(p -> assertThat(p).isBetween(
                java.math.BigDecimal.valueOf(50), java.math.BigDecimal.valueOf(100)));
        assertThat(dashboard.receipts().averageProcessingTime()).isPresent();
        assertThat(dashboard.recentActivity()).extracting(a -> a.summary())
                .anySatisfy(summary -> assertThat(summary).startsWith("Loaded demo client " + client.name()));
        assertThat(dashboard.client().closingDate()).isEqualTo(client.closingDate());
        assertThat(Optional.of(dashboard.client())).contains(client);
    }
}
