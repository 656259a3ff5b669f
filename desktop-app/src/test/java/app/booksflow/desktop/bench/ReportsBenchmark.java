package app.booksflow.desktop.bench;

import app.booksflow.desktop.demo.DemoPractice;
import app.booksflow.desktop.ledger.LedgerServices;
import app.booksflow.desktop.reports.ReportPeriod;
import app.booksflow.desktop.reports.Reports;
import app.booksflow.desktop.store.DataDirectory;
import app.booksflow.desktop.store.LocalStore;
import app.booksflow.model.practice.Client;
import app.booksflow.server.support.TempFolders;
import app.booksflow.testdata.PracticeSpec;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reports of one client with the given number of transactions (100,000 by default) over two
 * years: a one-year P&L, expenses by category, tax summary and trial balance, first and best of five.
 * Run by hand: {@code java -cp <test class path> app.booksflow.desktop.bench.ReportsBenchmark [transactions]}.
 */
public final class ReportsBenchmark {

    private static final Logger log = LoggerFactory.getLogger(ReportsBenchmark.class);

    private ReportsBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        long transactions = args.length > 0 ? Long.parseLong(args[0]) : 100_000;
        Path dir = TempFolders.createRemovedOnExit("booksflow-reports-bench");
        try (LocalStore store = LocalStore.open(new DataDirectory(dir))) {
            DemoPractice.load(store, PracticeSpec.demo().withClients(1).withTransactions(transactions),
                    Clock.systemUTC(), client -> { }).orElseThrow();
            Client client = new LedgerServices(store, Clock.systemUTC()).clients().list().get(0);
            Reports reports = new Reports(store);
            ReportPeriod year = new ReportPeriod(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31));
            time("P&L", () -> reports.profitAndLoss(client.id(), year));
            time("expenses by category", () -> reports.expensesByCategory(client.id(), year));
            time("tax summary", () -> reports.taxSummary(client.id(), year));
            time("trial balance", () -> reports.trialBalance(client.id(), year.to()));
        }
    }

    private static void time(String report, Supplier<?> run) {
        long first = 0;
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 6; i++) {
            long start = System.nanoTime();
            run.get();
            long took = System.nanoTime() - start;
            if (i == 0) {
                first = took;
            } else {
                best = Math.min(best, took);
            }
        }
        log.warn("{} of one year: first {} ms, best of five {} µs", report, first / 1_000_000, best / 1_000);
    }
}
