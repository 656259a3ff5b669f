package app.booksflow.desktop.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import app.booksflow.desktop.demo.DemoPractice;
import app.booksflow.desktop.store.DataDirectory;
import app.booksflow.desktop.store.LocalStore;
import app.booksflow.desktop.support.OlderBooks;
import app.booksflow.desktop.support.TestBooks;
import app.booksflow.model.id.AccountId;
import app.booksflow.model.id.TransactionId;
import app.booksflow.model.ledger.AccountType;
import app.booksflow.model.ledger.Split;
import app.booksflow.model.ledger.Transaction;
import app.booksflow.model.ledger.TransactionStatus;
import app.booksflow.model.money.Money;
import app.booksflow.model.practice.Client;
import app.booksflow.testdata.PracticeSpec;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The first split's account kept on the transaction row (V7) for the ledger's account order: every
 * write path keeps it equal to what the splits and accounts say, and the migration fills existing rows.
 */
class FirstAccountColumnTest {

    @TempDir
    Path dir;

    /** Rows whose stored first account differs from the one read through splits and accounts. */
    private static final String MISMATCHES = """
            select t.id, t.main_account_name, a.name
            from transactions t join splits s on s.transaction_id = t.id and s.line_no = 0
            join accounts a on a.id = s.account_id
            where t.main_account_name is distinct from a.name
            """;

    private static List<String> mismatches(LocalStore store) {
        return store.read(session -> session.doReturningWork(connection -> {
            List<String> wrong = new ArrayList<>();
            try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(MISMATCHES)) {
                while (rows.next()) {
                    wrong.add(rows.getString(1) + ": " + rows.getString(2) + " but " + rows.getString(3));
                }
            }
            return wrong;
        }));
    }

    private static String storedName(LocalStore store, Transaction transaction) {
        return store.read(session -> (String) session.createNativeQuery(
                        "select main_account_name from transactions where id = :id", String.class)
                .setParameter("id", transaction.id().value()).getSingleResult());
    }

    @Test
    void insertEditUndoDeleteAndRenameKeepTheFirstAccountOnTheRow() {
        try (TestBooks books = TestBooks.open(dir.resolve("data"))) {
            Client client = books.ukClient("Hill Street Bakery");
            Transaction rent = books.ledger.transactions().create(
                    books.purchase(client, LocalDate.of(2025, 3, 1), "1200.00", "6000"), TestBooks.USER).transaction();
            Transaction sale = books.ledger.transactions().create(
                    books.sale(client, LocalDate.of(2025, 3, 2), "450.00"), TestBooks.USER).transaction();
            assertThat(storedName(books.store, rent)).isEqualTo("Rent");
            assertThat(storedName(books.store, sale)).isEqualTo("Sales");

            // Edit with the splits changed: the first split now books to office supplies, then rent second.
            Money total = rent.total();
            AccountId supplies = books.account(client.id(), "6100");
            AccountId rentAccount = books.account(client.id(), "6000");
            Transaction edited = new Transaction(rent.id(), client.id(), rent.date(), rent.payee(), rent.memo(),
                    rent.bankAccount(), total, rent.status(), List.of(
                            Split.of(supplies, Money.of("-200.00", "GBP")),
                            Split.of(rentAccount, Money.of("-1000.00", "GBP"))));
            long version = books.ledger.transactions().find(rent.id()).orElseThrow().version();
            books.ledger.transactions().edit(edited, version, TestBooks.USER);
            assertThat(storedName(books.store, rent)).isEqualTo("Office supplies");
            assertThat(mismatches(books.store)).isEmpty();

            books.ledger.undo().undoLast(TestBooks.USER);
            assertThat(storedName(books.store, rent)).isEqualTo("Rent");

            // A rename reaches the rows in the same write (not those of another account of the same name),
            // and its undo puts the old name back.
            AccountId otherRent = books.ledger.accounts().create(client.id(), "6001", "Rent", AccountType.EXPENSE,
                    TestBooks.USER).id();
            Transaction garage = books.ledger.transactions().create(new Transaction(TransactionId.random(), client.id(),
                    LocalDate.of(2025, 3, 3), "Garage", "", rent.bankAccount(), Money.of("-80.00", "GBP"),
                    TransactionStatus.POSTED, List.of(Split.of(otherRent, Money.of("-80.00", "GBP")))),
                    TestBooks.USER).transaction();
            books.ledger.accounts().rename(rentAccount, "Premises rent", TestBooks.USER);
            assertThat(storedName(books.store, rent)).isEqualTo("Premises rent");
            assertThat(storedName(books.store, garage)).isEqualTo("Rent");
            assertThat(storedName(books.store, sale)).isEqualTo("Sales");
            assertThat(mismatches(books.store)).isEmpty();
            books.ledger.undo().undoLast(TestBooks.USER);
            assertThat(storedName(books.store, rent)).isEqualTo("Rent");
            books.ledger.transactions().delete(garage.id(), TestBooks.USER);

            // Delete, and the undo of the delete (an insert of the old content).
            books.ledger.transactions().delete(sale.id(), TestBooks.USER);
            books.ledger.undo().undoLast(TestBooks.USER);
            assertThat(storedName(books.store, sale)).isEqualTo("Sales");
            assertThat(mismatches(books.store)).isEmpty();

            // Account order follows the rename: "Accountancy" now sorts before "Sales".
            AccountId sales = books.account(client.id(), "4000");
            books.ledger.accounts().rename(sales, "Accountancy income", TestBooks.USER);
            LedgerPages pages = new LedgerPages(books.store);
            assertThat(pages.rows(LedgerQuery.of(client.id()).sortedBy(LedgerSort.ACCOUNT, false), 0, 10))
                    .extracting(LedgerRow::mainAccount).containsExactly("Accountancy income", "Rent");
            assertThat(mismatches(books.store)).isEmpty();
        }
    }

    @Test
    void theBatchLoadFillsTheFirstAccount() {
        try (LocalStore store = LocalStore.open(new DataDirectory(dir.resolve("data")))) {
            DemoPractice.load(store, PracticeSpec.tiny(), Clock.systemUTC(), client -> { });
            long rows = store.read(session -> session.createNativeQuery(
                    "select count(*) from transactions where main_account_name is not null", Long.class).getSingleResult());
            assertThat(rows).isPositive();
            assertThat(mismatches(store)).isEmpty();
        }
    }

    @Test
    void theMigrationFillsRowsWrittenBeforeItAndRunsAgainSafely() throws Exception {
        // Books written by the version before V7: its schema, its rows (no first account on them).
        DataDirectory data = new DataDirectory(dir.resolve("data"));
        try (LocalStore store = LocalStore.open(data)) {
            DemoPractice.load(store, PracticeSpec.tiny(), Clock.systemUTC(), client -> { });
        }
        String url = "jdbc:h2:file:" + data.database();
        int later = OlderBooks.before(url, "7", "drop index transactions_by_client_account",
                "alter table transactions drop column main_account_name");
        // The fill touches only rows not filled yet: run it by hand once more after the first run.
        assertThat(OlderBooks.migrate(url)).isEqualTo(later).isPositive();
        String script = new String(getClass().getResourceAsStream("/db/desktop/V7__ledger_first_account.sql")
                .readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        try (Connection connection = DriverManager.getConnection(url, "booksflow", "");
                Statement statement = connection.createStatement()) {
            statement.execute(script);
        }
        try (LocalStore store = LocalStore.open(data)) {
            assertThat(mismatches(store)).isEmpty();
            List<UUID> unfilled = store.read(session -> session.createNativeQuery(
                    "select id from transactions where main_account_name is null", UUID.class).getResultList());
            assertThat(unfilled).isEmpty();
            Client client = new LedgerServices(store, Clock.systemUTC()).clients().list().get(0);
            List<LedgerRow> page = new LedgerPages(store).rows(LedgerQuery.of(client.id())
                    .sortedBy(LedgerSort.ACCOUNT, false), 0, 200);
            assertThat(page).isNotEmpty();
            assertThat(page).extracting(LedgerRow::mainAccount).isSorted();
        }
    }
}
