package app.booksflow.desktop.demo;

import app.booksflow.desktop.audit.AuditEntry;
import app.booksflow.desktop.audit.AuditLog;
import app.booksflow.desktop.dashboard.ClientChart;
import app.booksflow.desktop.dashboard.DashboardDelta;
import app.booksflow.desktop.dashboard.DashboardWriter;
import app.booksflow.desktop.dashboard.ReceiptFacts;
import app.booksflow.desktop.search.ReceiptTerms;
import app.booksflow.desktop.search.SearchBacklog;
import app.booksflow.desktop.store.LedgerBatch;
import app.booksflow.desktop.store.LocalStore;
import app.booksflow.desktop.store.entity.PracticeEntity;
import app.booksflow.model.EntityType;
import app.booksflow.model.audit.AuditAction;
import app.booksflow.model.audit.RiskLevel;
import app.booksflow.model.practice.Client;
import app.booksflow.model.receipt.Receipt;
import app.booksflow.testdata.GeneratedClient;
import app.booksflow.testdata.GeneratedPractice;
import app.booksflow.testdata.GeneratedTransaction;
import app.booksflow.testdata.PracticeGenerator;
import app.booksflow.testdata.PracticeSpec;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.hibernate.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The practice a first run shows: five clients over two years (about 20,000 transactions) from the
 * test-data generator, loaded through batched JDBC. The dashboards are filled on the way through the
 * same {@link DashboardDelta} every single write uses, so the demo's figures are exactly what
 * entering it all by hand would have produced. The transactions are listed for search in the
 * {@link SearchBacklog}, whose indexer writes their terms after the load.
 *
 * <p>The practice with its clients and charts commits first, then each client's books in a
 * transaction of their own: the screen can show the first client while the others load, and a load
 * cut short (the window closed, the machine died) resumes with the clients that have no books yet.
 */
public final class DemoPractice {

    public static final String USER = "BooksFlow demo";
    private static final Logger log = LoggerFactory.getLogger(DemoPractice.class);

    private DemoPractice() {
    }

    /** Loads the demo practice ({@link #specFor}) on a first run, or finishes a load that was cut short. */
    public static Optional<DemoLoad> loadIfEmpty(LocalStore store, Clock clock, Consumer<Client> loaded) {
        return load(store, specFor(LocalDate.now(clock)), clock, loaded);
    }

    /**
     * {@link PracticeSpec#demo()}, or, once its two years lie in the past, the same practice over the 24
     * calendar months up to today: a new user's dashboard shows this month and last month at work, and a
     * full year in its chart, whatever the year.
     */
    static PracticeSpec specFor(LocalDate today) {
        PracticeSpec demo = PracticeSpec.demo();
        if (!today.isAfter(demo.to())) {
            return demo;
        }
        return new PracticeSpec(demo.seed(), demo.clients(), demo.transactions(),
                today.withDayOfMonth(1).minusMonths(23), today);
    }

    /**
     * Loads the generated practice when the store has none, or the clients of it that have no books yet.
     * Does nothing when the store holds another practice.
     *
     * @param loaded told of each client as soon as its books are committed
     */
    public static Optional<DemoLoad> load(LocalStore store, PracticeSpec spec, Clock clock, Consumer<Client> loaded) {
        long start = System.nanoTime();
        if (nothingToLoad(store)) {
            return Optional.empty();
        }
        GeneratedPractice practice = PracticeGenerator.generate(spec);
        boolean ours = store.inTransaction(session -> setUp(session, practice, clock.instant()));
        if (!ours) {
            log.info("The store holds a practice of its own; no demo loaded");
            return Optional.empty();
        }
        long transactions = 0;
        long receipts = 0;
        int clients = 0;
        for (GeneratedClient client : practice.clients()) {
            long[] counts = store.inTransaction(session -> loadBooks(session, client, clock.instant()));
            if (counts.length > 0) {
                transactions += counts[0];
                receipts += counts[1];
                clients++;
                loaded.accept(client.client());
            }
        }
        if (clients == 0) {
            return Optional.empty();
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        DemoLoad load = new DemoLoad(practice.organization(), clients, transactions, receipts, took);
        log.info("Loaded the demo practice: {} clients, {} transactions, {} receipts in {} ms", clients, transactions,
                receipts, took.toMillis());
        return Optional.of(load);
    }

    /**
     * Whether a practice is set up and every one of its clients has books: asked over plain JDBC at every
     * start, before the generator or Hibernate is needed, so that opening existing books waits for neither.
     * A client without transactions (the user's own new one, or a demo load cut short) takes the full way.
     */
    private static boolean nothingToLoad(LocalStore store) {
        return store.readJdbc(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("""
                    select exists (select 1 from practices)
                        and not exists (select 1 from clients c
                            where not exists (select 1 from transactions t where t.client_id = c.id))
                    """); ResultSet row = statement.executeQuery()) {
                return row.next() && row.getBoolean(1);
            }
        });
    }

    /** @return false when the store holds another practice */
    private static boolean setUp(Session session, GeneratedPractice practice, Instant at) {
        Optional<PracticeEntity> existing = session.createSelectionQuery("from PracticeEntity", PracticeEntity.class)
                .setMaxResults(1).getResultStream().findFirst();
        if (existing.isPresent()) {
            return existing.get().toDomain().id().equals(practice.organization().id());
        }
        session.doWork(connection -> LedgerBatch.insertSetUp(connection, practice.organization(),
                practice.clients().stream().map(GeneratedClient::client).toList(),
                practice.clients().stream().flatMap(c -> c.chart().accounts().stream()).toList(),
                practice.clients().stream().flatMap(c -> c.taxCodes().stream()).toList()));
        AuditLog.record(session, at, USER, AuditEntry.of(null, EntityType.ORGANIZATION,
                practice.organization().id().value(), AuditAction.CREATE, null, practice.organization(), RiskLevel.LOW,
                "Set up the demo practice " + practice.organization().name() + " with " + practice.clients().size()
                        + " clients"), Optional.empty());
        return true;
    }

    /** @return {transactions, receipts} loaded, or nothing when the client's books were loaded before */
    private static long[] loadBooks(Session session, GeneratedClient client, Instant at) {
        Client books = client.client();
        // Runs at every start: asks for one row rather than counting thousands.
        boolean loadedBefore = session.createSelectionQuery("select t.id from TransactionEntity t where t.clientId = :client",
                UUID.class).setParameter("client", books.id().value()).setMaxResults(1).getResultStream().findAny().isPresent();
        if (loadedBefore) {
            return new long[0];
        }
        long[] counts = session.doReturningWork(connection -> insert(connection, client));
        // One event per client rather than per row: the trail records the load, not thousands of copies of it.
        AuditLog.record(session, at, USER, AuditEntry.of(books.id(), EntityType.CLIENT, books.id().value(),
                AuditAction.CREATE, null, books, RiskLevel.LOW, "Loaded demo client " + books.name() + " ("
                        + counts[0] + " transactions, " + counts[1] + " receipts)"), Optional.empty());
        return counts;
    }

    private static long[] insert(Connection connection, GeneratedClient client) throws SQLException {
        long start = System.nanoTime();
        ClientChart chart = new ClientChart(client.client().id(), client.client().baseCurrency(),
                client.chart().accounts(), client.taxCodes());
        DashboardDelta delta = new DashboardDelta();
        long transactions = 0;
        long receipts = 0;
        try (LedgerBatch batch = new LedgerBatch(connection); SearchBacklog.Writer search = new SearchBacklog.Writer(connection)) {
            for (Iterator<GeneratedTransaction> it = client.transactions().iterator(); it.hasNext(); ) {
                GeneratedTransaction generated = it.next();
                batch.add(generated.transaction(),
                        chart.account(generated.transaction().splits().get(0).account()).orElseThrow().name());
                search.add(generated.transaction().id());
                delta.add(generated.transaction(), chart);
                transactions++;
                if (generated.receipt().isPresent()) {
                    add(batch, delta, generated.receipt().get());
                    receipts++;
                }
            }
        }
        ReceiptTerms.indexNew(connection, client.client().id());
        long rows = System.nanoTime();
        DashboardWriter.apply(connection, delta);
        log.debug("Demo client {}: rows {} ms, dashboards {} ms", client.client().name(), (rows - start) / 1_000_000,
                (System.nanoTime() - rows) / 1_000_000);
        return new long[] {transactions, receipts};
    }

    private static void add(LedgerBatch batch, DashboardDelta delta, Receipt receipt) throws SQLException {
        Optional<Instant> processedAt = DemoReceipts.processedAt(receipt);
        Optional<int[]> review = DemoReceipts.review(receipt);
        batch.add(receipt, processedAt, review);
        delta.add(ReceiptFacts.of(receipt.client(), receipt.status(), receipt.receivedAt(), processedAt.orElse(null),
                review.map(r -> r[0]).orElse(null), review.map(r -> r[1]).orElse(null)));
    }
}
