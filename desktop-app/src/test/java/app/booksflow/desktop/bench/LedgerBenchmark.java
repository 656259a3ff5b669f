package app.booksflow.desktop.bench;

import app.booksflow.desktop.demo.DemoPractice;
import app.booksflow.desktop.ledger.LedgerPages;
import app.booksflow.desktop.ledger.LedgerQuery;
import app.booksflow.desktop.ledger.LedgerServices;
import app.booksflow.desktop.ledger.LedgerSort;
import app.booksflow.desktop.search.SearchBacklog;
import app.booksflow.desktop.store.DataDirectory;
import app.booksflow.desktop.store.LocalStore;
import app.booksflow.model.ledger.AccountType;
import app.booksflow.model.practice.Client;
import app.booksflow.server.support.TempFolders;
import app.booksflow.testdata.PracticeSpec;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;

/**
 * The first 200 rows of a filtered, sorted ledger page for one client of 100,000 transactions in a
 * store of 1,000,000 (10 clients), with and without the count of matches; p50 and p95 of 50 runs (20 for
 * account order, word filters and text with punctuation) after warm-up runs, each run after a write to the
 * transactions table, so that H2 cannot hand back the previous result of the same statement. Run by hand:
 * {@code java -cp <test class path> app.booksflow.desktop.bench.LedgerBenchmark <data folder> [transactions] [clients]};
 * the folder is loaded once and reused by later runs.
 */
public final class LedgerBenchmark {

    private LedgerBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = args.length > 0 ? Path.of(args[0]) : TempFolders.createRemovedOnExit("booksflow-ledger-bench");
        long transactions = args.length > 1 ? Long.parseLong(args[1]) : 1_000_000;
        int clients = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        long opening = System.nanoTime();
        try (LocalStore store = LocalStore.open(new DataDirectory(dir))) {
            // Includes the migrations a store written by an older version still needs (V7 fills a column).
            System.out.printf("open: %d ms%n", (System.nanoTime() - opening) / 1_000_000);
            long start = System.nanoTime();
            DemoPractice.load(store, PracticeSpec.demo().withClients(clients).withTransactions(transactions),
                    Clock.systemUTC(), client -> System.out.println("loaded " + client.name()));
            System.out.printf("load: %d s%n", (System.nanoTime() - start) / 1_000_000_000);
            // The text filter reads the search terms, which the load left to the indexer.
            long indexing = System.nanoTime();
            System.out.printf("indexed for search: %d transactions in %d s%n", SearchBacklog.drain(store),
                    (System.nanoTime() - indexing) / 1_000_000_000);
            LedgerServices ledger = new LedgerServices(store, Clock.systemUTC());
            Client client = ledger.clients().list().get(0);
            LedgerPages pages = new LedgerPages(store);
            LedgerQuery all = LedgerQuery.of(client.id());
            System.out.printf("client %s: %d transactions%n", client.name(), pages.count(all));
            var expense = ledger.accounts().chart(client.id()).ofType(AccountType.EXPENSE).get(0).id();
            LedgerQuery year = all.between(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31));
            List<LedgerQuery> queries = List.of(all, all.sortedBy(LedgerSort.DATE, false), year,
                    all.sortedBy(LedgerSort.PAYEE, false), all.sortedBy(LedgerSort.AMOUNT, true),
                    year.onAccount(expense), all.amountsBetween(10_000L, 50_000L),
                    year.containing("a").amountsBetween(1_000L, null).sortedBy(LedgerSort.PAYEE, true));
            // Account order, and words from none to many matches in the demo client (ltd none, easyjet about 100,
            // hilton 500, wagamama 1,700, amazon 2,700, invoice 22,000, card 38,000 payee or memo words).
            List<LedgerQuery> words = List.of(all.sortedBy(LedgerSort.ACCOUNT, false),
                    year.sortedBy(LedgerSort.ACCOUNT, true), all.containing("ltd"), all.containing("easyjet"),
                    all.containing("hilton"), all.containing("wagamama"), all.containing("amazon"),
                    all.containing("invoice"), all.containing("card"), year.containing("hil").sortedBy(LedgerSort.PAYEE, false),
                    all.containing("cash deposit"),
                    year.containing("a").amountsBetween(1_000L, null).sortedBy(LedgerSort.PAYEE, false));
            // Text with punctuation: its words find the candidates, the text as typed is checked on them.
            List<LedgerQuery> slow = List.of(all.containing("ltd."), all.containing("card takings,"),
                    all.containing("amazon.").sortedBy(LedgerSort.PAYEE, false), all.containing("-"),
                    year.containing("and").sortedBy(LedgerSort.AMOUNT, true), all.containing("amazon")
                            .sortedBy(LedgerSort.PAYEE, true));
            // Only the queries whose description matches the fourth argument, if any.
            java.util.function.Predicate<LedgerQuery> only = query -> args.length < 4
                    || describe(query).matches(args[3]);
            // H2 hands back the last result of a statement again when nothing changed in between; a write
            // before each run makes every measured query do its work.
            // H2 checks the tables a query reads, so the write touches a transaction (of another client).
            Client other = ledger.clients().list().get(1);
            var touched = ledger.transactions().list(other.id(), LocalDate.of(2025, 1, 1), LocalDate.of(2025, 1, 31))
                    .get(0).transaction().id().value();
            Runnable write = () -> store.runInTransaction(session -> session
                    .createNativeMutationQuery("update transactions set version = version where id = :id")
                    .setParameter("id", touched).executeUpdate());
            for (LedgerQuery query : queries.stream().filter(only).toList()) {
                String what = describe(query);
                time(what + " rows", 50, write, () -> pages.rows(query, 0, 200));
                time(what + " rows+count", 50, write, () -> pages.page(query, 0, 200));
            }
            for (LedgerQuery query : words.stream().filter(only).toList()) {
                String what = describe(query);
                time(what + " rows", 20, write, () -> pages.rows(query, 0, 200));
                time(what + " rows+count", 20, write, () -> pages.page(query, 0, 200));
            }
            for (LedgerQuery query : slow.stream().filter(only).toList()) {
                String what = describe(query);
                time(what + " rows", 20, write, () -> pages.rows(query, 0, 200));
                time(what + " rows+count", 20, write, () -> pages.page(query, 0, 200));
            }
        }
    }

    private static String describe(LedgerQuery query) {
        return query.sort() + (query.descending() ? " desc" : "") + (query.from().isPresent() ? " year" : "")
                + (query.account().isPresent() ? " account" : "") + (query.text().isEmpty() ? "" : " text '" + query.text() + "'")
                + (query.minAmountMinor().isPresent() ? " amount" : "");
    }

    private static void time(String what, int runs, Runnable before, Supplier<?> run) {
        for (int i = 0; i < Math.max(2, runs / 5); i++) {
            before.run();
            run.get();
        }
        List<Long> micros = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            before.run();
            long start = System.nanoTime();
            run.get();
            micros.add((System.nanoTime() - start) / 1_000);
        }
        Collections.sort(micros);
        System.out.printf("%-45s p50 %6.1f ms  p95 %6.1f ms (%d runs)%n", what, micros.get(runs / 2) / 1000.0,
                micros.get((int) Math.ceil(runs * 0.95) - 1) / 1000.0, runs);
    }
}
