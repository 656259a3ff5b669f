package app.booksflow.desktop.bench;

import app.booksflow.desktop.dashboard.Dashboard;
import app.booksflow.desktop.dashboard.DashboardQueries;
import app.booksflow.desktop.demo.DemoPractice;
import app.booksflow.desktop.search.SearchBacklog;
import app.booksflow.desktop.reports.ProfitAndLoss;
import app.booksflow.desktop.reports.ReportPeriod;
import app.booksflow.desktop.reports.Reports;
import app.booksflow.desktop.search.SearchHit;
import app.booksflow.desktop.search.ReceiptSearch;
import app.booksflow.desktop.search.SearchService;
import app.booksflow.desktop.store.DataDirectory;
import app.booksflow.desktop.store.LocalStore;
import app.booksflow.model.id.ClientId;
import app.booksflow.testdata.PracticeSpec;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The screens' reads on {@link PracticeSpec#large()}: 200 clients, 1,000,000 transactions over two
 * years, in one H2 file built once (through the demo loader, dashboards and search terms filled on the way)
 * and reused from {@code -Dbench.books}. Each call picks the next client or query in turn, so the
 * sample times (p50, p95, p99) spread over the whole practice, not one warm client.
 * "Today" is 15 December 2025, the last month of the generated books.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 10)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
@State(Scope.Benchmark)
public class LargePracticeBenchmark {

    static final LocalDate TODAY = LocalDate.of(2025, 12, 15);
    private static final Logger log = LoggerFactory.getLogger(LargePracticeBenchmark.class);

    private LocalStore store;
    private DashboardQueries dashboards;
    private SearchService search;
    private ReceiptSearch receiptSearch;
    private Reports reports;
    private List<ClientId> clients;
    private ClientId largestClient;
    private List<String> queries;
    private int nextClient;
    private int nextQuery;
    private int nextPeriod;

    @Setup(Level.Trial)
    public void openBooks() {
        store = openLargePractice();
        dashboards = new DashboardQueries(store);
        search = new SearchService(store);
        receiptSearch = new ReceiptSearch(store);
        reports = new Reports(store);
        clients = clientsBySize(store);
        largestClient = clients.get(0);
        queries = sampleQueries(store);
        log.warn("{} clients; the largest has {} transactions; {} sample queries such as {}", clients.size(),
                transactionsOf(store, largestClient), queries.size(), queries.subList(0, 6));
    }

    @TearDown(Level.Trial)
    public void close() {
        store.close();
    }

    /** What the Dashboard screen reads when a client is opened: figures, 12 months, categories, receipts, activity. */
    @Benchmark
    public Dashboard dashboard() {
        ClientId client = clients.get(nextClient++ % clients.size());
        return dashboards.dashboard(client, TODAY, 10);
    }

    /** One as-you-type search across all 200 clients: payee and memo words, prefixes and amounts. */
    @Benchmark
    public List<SearchHit> search() {
        return search.search(queries.get(nextQuery++ % queries.size()));
    }

    /**
     * What the top bar's search asks for each text: the 20 best transactions, then up to 5 receipts
     * (ADR 0025), on the same queries as {@link #search()}.
     */
    @Benchmark
    public int searchWithReceipts() {
        String query = queries.get(nextQuery++ % queries.size());
        return search.search(query, null, 20).size() + receiptSearch.search(query, null, 5).size();
    }

    /**
     * A one-year profit and loss of the largest client, the year starting in each month of 2024 in turn:
     * H2 answers a repeated query with unchanged tables from its last result, which would measure nothing.
     */
    @Benchmark
    public ProfitAndLoss profitAndLossOfTheLargestClient() {
        LocalDate from = LocalDate.of(2024, 1, 1).plusMonths(nextPeriod++ % 12);
        return reports.profitAndLoss(largestClient, new ReportPeriod(from, from.plusYears(1).minusDays(1)));
    }

    /** Opens (and on the first run builds) the large practice's books in {@code -Dbench.books}. */
    static LocalStore openLargePractice() {
        Path folder = Path.of(System.getProperty("bench.books", "target/bench-books")).resolve("large-practice");
        LocalStore store = LocalStore.open(new DataDirectory(folder));
        long start = System.nanoTime();
        // Loads only what is missing: nothing when the books were built by an earlier run.
        DemoPractice.load(store, PracticeSpec.large(), Clock.systemUTC(), client -> { }).ifPresent(load ->
                log.warn("Built the large practice in {}: {} clients, {} transactions, {} receipts in {} s", folder,
                        load.clients(), load.transactions(), load.receipts(), (System.nanoTime() - start) / 1_000_000_000));
        // The search benchmark needs every transaction indexed; a load cut short leaves some listed.
        SearchBacklog.drain(store);
        return store;
    }

    static List<ClientId> clientsBySize(LocalStore store) {
        return store.read(session -> session.doReturningWork(connection -> {
            List<ClientId> ids = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement(
                    "select client_id from transactions group by client_id order by count(*) desc");
                    ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    ids.add(new ClientId(rows.getObject(1, UUID.class)));
                }
            }
            return ids;
        }));
    }

    private static long transactionsOf(LocalStore store, ClientId client) {
        return store.read(session -> session.createSelectionQuery(
                "select count(t) from TransactionEntity t where t.clientId = :client", Long.class)
                .setParameter("client", client.value()).getSingleResult());
    }

    /**
     * Queries a user would type, taken from the books: every 5,000th transaction's payee, its first
     * word, a three-letter prefix of it, a memo word and the amount as written.
     */
    private static List<String> sampleQueries(LocalStore store) {
        return store.read(session -> session.doReturningWork(connection -> {
            List<String> queries = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement("""
                    select payee, memo, total_minor from (
                        select payee, memo, total_minor, row_number() over (order by id) as n from transactions)
                    where mod(n, 5000) = 0""");
                    ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    String payee = rows.getString(1);
                    String firstWord = payee.split("\\s+")[0];
                    queries.add(payee);
                    queries.add(firstWord);
                    queries.add(firstWord.substring(0, Math.min(3, firstWord.length())).toLowerCase(Locale.ROOT));
                    String[] memo = rows.getString(2).split("\\s+");
                    queries.add(memo[memo.length - 1]);
                    long minor = Math.abs(rows.getLong(3));
                    queries.add(String.format(Locale.ROOT, "%d.%02d", minor / 100, minor % 100));
                }
            }
            return queries;
        }));
    }
}
