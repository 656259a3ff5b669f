package app.booksflow.desktop.bench;

import app.booksflow.desktop.demo.DemoPractice;
import app.booksflow.desktop.ledger.LedgerPages;
import app.booksflow.desktop.ledger.LedgerQuery;
import app.booksflow.desktop.ledger.LedgerServices;
import app.booksflow.desktop.ledger.LedgerSort;
import app.booksflow.desktop.store.DataDirectory;
import app.booksflow.desktop.store.LocalStore;
import app.booksflow.model.ledger.AccountType;
import app.booksflow.model.practice.Client;
import app.booksflow.testdata.PracticeSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;

/**
 * The first 200 rows of a filtered, sorted ledger page for one client of 100,000 transactions in a
 * store of 1,000,000 (10 clients), with and without the count of matches; p50 and p95 of 50 runs after
 * 10 warm-up runs. Run by hand:
 * {@code java -cp <test class path> app.booksflow.desktop.bench.LedgerBenchmark <data folder> [transactions] [clients]};
 * the folder is loaded once and reused by later runs.
 */
public final class LedgerBenchmark {

    private LedgerBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : Files.createTempDirectory("booksflow-ledger-bench").toString());
        long transactions = args.length > 1 ? Long.parseLong(args[1]) : 1_000_000;
        int clients = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        try (LocalStore store = LocalStore.open(new DataDirectory(dir))) {
            long start = System.nanoTime();
            DemoPractice.load(store, PracticeSpec.demo().withClients(clients).withTransactions(transactions),
                    Clock.systemUTC(), client -> System.out.println("loaded " + client.name()));
            System.out.printf("load: %d s%n", (System.nanoTime() - start) / 1_000_000_000);
            LedgerServices ledger = new LedgerServices(store, Clock.systemUTC());
            Client client = ledger.clients().list().get(0);
            LedgerPages pages = new LedgerPages(store);
            LedgerQuery all = LedgerQuery.of(client.id());
            System.out.printf("client %s: %d transactions%n", client.name(), pages.count(all));
            var expense = ledger.accounts().chart(client.id()).ofType(AccountType.EXPENSE).get(0).id();
            LedgerQuery year = all.between(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31));
            List<LedgerQuery> queries = List.of(all, all.sortedBy(LedgerSort.DATE, false), year,
                    all.sortedBy(LedgerSort.PAYEE, false), all.sortedBy(LedgerSort.AMOUNT, true),
                    all.sortedBy(LedgerSort.ACCOUNT, false), year.onAccount(expense), all.containing("ltd"),
                    all.amountsBetween(10_000L, 50_000L), year.containing("a").amountsBetween(1_000L, null)
                            .sortedBy(LedgerSort.PAYEE, true));
            for (LedgerQuery query : queries) {
                String what = describe(query);
                time(what + " rows", () -> pages.rows(query, 0, 200));
                time(what + " rows+count", () -> pages.page(query, 0, 200));
            }
        }
    }

    private static String describe(LedgerQuery query) {
        return query.sort() + (query.descending() ? " desc" : "") + (query.from().isPresent() ? " year" : "")
                + (query.account().isPresent() ? " account" : "") + (query.text().isEmpty() ? "" : " text '" + query.text() + "'")
                + (query.minAmountMinor().isPresent() ? " amount" : "");
    }

    private static void time(String what, Supplier<?> run) {
        for (int i = 0; i < 10; i++) {
            run.get();
        }
        List<Long> micros = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            long start = System.nanoTime();
            run.get();
            micros.add((System.nanoTime() - start) / 1_000);
        }
        Collections.sort(micros);
        System.out.printf("%-45s p50 %6.1f ms  p95 %6.1f ms%n", what, micros.get(25) / 1000.0, micros.get(47) / 1000.0);
    }
}
