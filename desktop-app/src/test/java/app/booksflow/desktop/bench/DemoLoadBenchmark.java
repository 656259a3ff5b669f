package app.booksflow.desktop.bench;

import app.booksflow.desktop.dashboard.DashboardQueries;
import app.booksflow.desktop.dashboard.DashboardRebuilder;
import app.booksflow.desktop.demo.DemoLoad;
import app.booksflow.desktop.demo.DemoPractice;
import app.booksflow.desktop.ledger.LedgerServices;
import app.booksflow.desktop.store.DataDirectory;
import app.booksflow.desktop.store.LocalStore;
import app.booksflow.model.id.TransactionId;
import app.booksflow.model.ledger.AccountType;
import app.booksflow.model.ledger.Split;
import app.booksflow.model.ledger.Transaction;
import app.booksflow.model.ledger.TransactionStatus;
import app.booksflow.model.money.Money;
import app.booksflow.model.practice.Client;
import app.booksflow.server.support.TempFolders;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * How long a first run takes to show a live dashboard: opening a new store (first session factory of
 * the process included), loading the demo practice, and reading a client's dashboard; then the same
 * on warm JIT. Run with {@code ./mvnw -pl desktop-app -am -Pbench verify}; prints one line per run.
 */
public final class DemoLoadBenchmark {

    private DemoLoadBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        List<Long> loads = new ArrayList<>();
        for (int run = 1; run <= runs; run++) {
            Path dir = Files.createTempDirectory("booksflow-bench");
            try {
                long start = System.nanoTime();
                try (LocalStore store = LocalStore.open(new DataDirectory(dir))) {
                    long opened = System.nanoTime();
                    DemoLoad load = DemoPractice.loadIfEmpty(store, Clock.systemUTC(), client -> { }).orElseThrow();
                    long loaded = System.nanoTime();
                    Client client = new LedgerServices(store, Clock.systemUTC()).clients().list().get(0);
                    new DashboardQueries(store).dashboard(client.id(), LocalDate.of(2025, 12, 31), 20);
                    long shown = System.nanoTime();
                    new DashboardQueries(store).dashboard(client.id(), LocalDate.of(2025, 12, 31), 20);
                    long again = System.nanoTime();
                    DashboardRebuilder.rebuild(store);
                    long rebuilt = System.nanoTime();
                    String writes = writeLatencies(store, client);
                    loads.add((loaded - opened) / 1_000_000);
                    System.out.printf("run %d: open %d ms, demo load %d ms (%d transactions, %d receipts), first dashboard "
                                    + "%d ms, next dashboard %d ms, open to dashboard %d ms; rebuild %d ms; database %d KB; %s%n",
                            run, ms(opened - start), ms(loaded - opened), load.transactions(), load.receipts(),
                            ms(shown - loaded), ms(again - shown), ms(shown - start), ms(rebuilt - again),
                            Files.size(dir.resolve("books.mv.db")) / 1024, writes);
                }
            } finally {
                TempFolders.delete(dir);
            }
        }
        System.out.println("demo loads (ms): " + loads);
    }

    /** Posted sales created one by one through the ledger service, each with its audit event and dashboard rows. */
    private static String writeLatencies(LocalStore store, Client client) {
        LedgerServices ledger = new LedgerServices(store, Clock.systemUTC());
        var chart = ledger.accounts().chart(client.id());
        var bank = chart.ofType(AccountType.ASSET).get(0).id();
        var income = chart.ofType(AccountType.INCOME).get(0).id();
        List<Long> micros = new ArrayList<>();
        // In the month after the closing date, if the demo closed the client's books (dated from the day it runs).
        LocalDate first = client.closingDate().map(date -> date.plusDays(1)).orElse(LocalDate.of(2025, 12, 1));
        for (int i = 0; i < 200; i++) {
            Money amount = Money.ofMinor(1_000 + i, client.baseCurrency());
            Transaction sale = new Transaction(TransactionId.random(), client.id(), first.plusDays(i % 28),
                    "Benchmark customer", "", bank, amount, TransactionStatus.POSTED, List.of(Split.of(income, amount)));
            long start = System.nanoTime();
            ledger.transactions().create(sale, "bench");
            micros.add((System.nanoTime() - start) / 1_000);
        }
        Collections.sort(micros);
        return String.format("write p50 %.1f ms, p95 %.1f ms (200 creates)", micros.get(100) / 1000.0,
                micros.get(190) / 1000.0);
    }

    private static long ms(long nanos) {
        return nanos / 1_000_000;
    }
}
