package app.booksflow.desktop.support;

import app.booksflow.desktop.dashboard.DashboardQueries;
import app.booksflow.desktop.ledger.LedgerServices;
import app.booksflow.desktop.ledger.NewClient;
import app.booksflow.desktop.store.DataDirectory;
import app.booksflow.desktop.store.LocalStore;
import app.booksflow.model.id.AccountId;
import app.booksflow.model.id.ClientId;
import app.booksflow.model.id.TaxCodeId;
import app.booksflow.model.id.TransactionId;
import app.booksflow.model.ledger.Split;
import app.booksflow.model.ledger.TaxCode;
import app.booksflow.model.ledger.Transaction;
import app.booksflow.model.ledger.TransactionStatus;
import app.booksflow.model.money.Currencies;
import app.booksflow.model.money.Money;
import app.booksflow.model.practice.Client;
import app.booksflow.server.support.TempFolders;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;
import java.util.Optional;

/** A store on a real H2 file with the ledger's services, a hand-moved clock and helpers for common bookings. */
public final class TestBooks implements AutoCloseable {

    public static final String USER = "alex@harper-lowe.example";

    public final LocalStore store;
    public final MutableClock clock = new MutableClock(Instant.parse("2025-06-15T09:00:00Z"));
    public final LedgerServices ledger;
    public final DashboardQueries dashboards;

    private TestBooks(LocalStore store) {
        this.store = store;
        this.ledger = new LedgerServices(store, clock);
        this.dashboards = new DashboardQueries(store);
    }

    /**
     * The books in {@code dir}; new books start as a copy of empty ones migrated once per JVM, which spares
     * each test the migrations (a sixth of a second each; opening new books is tested in {@code LocalStoreTest}).
     */
    public static TestBooks open(Path dir) {
        DataDirectory data = new DataDirectory(dir);
        Path file = data.databaseFile();
        if (!Files.exists(file)) {
            try {
                Files.createDirectories(dir);
                Files.copy(EmptyBooks.FILE, file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new TestBooks(LocalStore.open(data));
    }

    /** Books already open (made by the code under test), with the ledger's services and a clock of their own. */
    public static TestBooks of(LocalStore store) {
        return new TestBooks(store);
    }

    /** Empty books with every migration applied, closed. */
    private static final class EmptyBooks {
        static final Path FILE = make();

        private static Path make() {
            try {
                Path folder = Files.createTempDirectory("booksflow-empty-books");
                Runtime.getRuntime().addShutdownHook(new Thread(() -> TempFolders.delete(folder)));
                DataDirectory data = new DataDirectory(folder);
                LocalStore.open(data).close();
                return data.databaseFile();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** A UK client (GBP, VAT codes), setting the practice up first if needed. */
    public Client ukClient(String name) {
        if (ledger.practice().current().isEmpty()) {
            ledger.practice().setUp("Harper & Lowe", USER);
        }
        return ledger.clients().create(new NewClient(name, Currencies.GBP, MonthDay.of(4, 1), "GB"), USER);
    }

    public AccountId account(ClientId client, String code) {
        return ledger.accounts().chart(client).byCode(code).orElseThrow().id();
    }

    public TaxCodeId taxCode(ClientId client, String code) {
        return ledger.taxCodes().list(client).stream().filter(c -> c.code().equals(code)).map(TaxCode::id)
                .findFirst().orElseThrow();
    }

    /** A posted sale paid into the bank (1000) and booked to Sales (4000) with 20 % VAT. */
    public Transaction sale(Client client, LocalDate date, String gross) {
        Money amount = Money.of(gross, "GBP");
        return new Transaction(TransactionId.random(), client.id(), date, "Customer", "", account(client.id(), "1000"),
                amount, TransactionStatus.POSTED,
                List.of(Split.of(account(client.id(), "4000"), amount, taxCode(client.id(), "VAT20-S"))));
    }

    /** A posted purchase paid from the bank (1000), booked to the expense account without tax. */
    public Transaction purchase(Client client, LocalDate date, String gross, String expenseCode) {
        Money amount = Money.of(gross, "GBP").negate();
        return new Transaction(TransactionId.random(), client.id(), date, "Supplier", "", account(client.id(), "1000"),
                amount, TransactionStatus.POSTED, List.of(Split.of(account(client.id(), expenseCode), amount)));
    }

    public static Transaction draft(Transaction transaction) {
        return transaction.withStatus(TransactionStatus.DRAFT);
    }

    public static Money gbp(String amount) {
        return Money.of(amount, "GBP");
    }

    public Optional<LocalDate> closingDate(ClientId client) {
        return ledger.clients().find(client).orElseThrow().closingDate();
    }

    @Override
    public void close() {
        store.close();
    }
}
