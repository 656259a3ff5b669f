package app.booksflow.desktop.reports;

import static org.assertj.core.api.Assertions.assertThat;

import app.booksflow.desktop.demo.DemoPractice;
import app.booksflow.desktop.ledger.LedgerServices;
import app.booksflow.desktop.store.DataDirectory;
import app.booksflow.desktop.store.LocalStore;
import app.booksflow.model.id.ClientId;
import app.booksflow.model.id.TaxCodeId;
import app.booksflow.model.ledger.AccountType;
import app.booksflow.model.ledger.ChartOfAccounts;
import app.booksflow.model.ledger.Posting;
import app.booksflow.model.ledger.TaxCode;
import app.booksflow.model.money.Money;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The reports on the demo practice (20,000 transactions): the busiest client's year, checked and timed. */
class ReportsOnDemoPracticeTest {

    private static final Logger log = LoggerFactory.getLogger(ReportsOnDemoPracticeTest.class);
    private static final ReportPeriod YEAR = new ReportPeriod(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31));

    @TempDir
    Path dir;

    @Test
    void theBusiestClientsYearMatchesItsPostingsAndComesQuickly() {
        Clock clock = Clock.fixed(Instant.parse("2026-01-05T09:00:00Z"), ZoneOffset.UTC);
        try (LocalStore store = LocalStore.open(new DataDirectory(dir))) {
            DemoPractice.loadIfEmpty(store, clock, client -> { }).orElseThrow();
            LedgerServices ledger = new LedgerServices(store, clock);
            ClientId busiest = busiest(store);
            Reports reports = new Reports(store);

            long cold = System.nanoTime();
            ProfitAndLoss pl = reports.profitAndLoss(busiest, YEAR);
            long coldMillis = (System.nanoTime() - cold) / 1_000_000;
            long best = Long.MAX_VALUE;
            for (int i = 0; i < 5; i++) {
                long start = System.nanoTime();
                reports.profitAndLoss(busiest, YEAR);
                best = Math.min(best, System.nanoTime() - start);
            }
            long yearTransactions = ledger.transactions().list(busiest, YEAR.from(), YEAR.to()).size();
            log.info("One-year P&L of the busiest demo client ({} transactions in the year): first {} ms, then {} µs",
                    yearTransactions, coldMillis, best / 1_000);
            assertThat(best / 1_000_000).isLessThan(500);

            Map<String, Money> postings = debitsLessCredits(ledger, busiest);
            ChartOfAccounts chart = ledger.accounts().chart(busiest);
            Map<String, Money> expected = postings.entrySet().stream()
                    .filter(e -> chart.byCode(e.getKey()).orElseThrow().type().isProfitAndLoss() && !e.getValue().isZero())
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> chart.byCode(e.getKey()).orElseThrow().type()
                            == AccountType.INCOME ? e.getValue().negate() : e.getValue()));
            Map<String, Money> actual = new HashMap<>();
            pl.income().forEach(l -> actual.put(l.account().code(), l.amount()));
            pl.expenses().forEach(l -> actual.put(l.account().code(), l.amount()));
            assertThat(actual).isEqualTo(expected).isNotEmpty();

            TaxSummary tax = reports.taxSummary(busiest, YEAR);
            Map<String, Money> taxAccounts = new HashMap<>();
            ledger.taxCodes().list(busiest).forEach(code -> taxAccounts.put(chart.byId(code.taxAccount()).orElseThrow()
                    .code(), Money.zero(pl.totalIncome().currency())));
            Money taxPostings = taxAccounts.keySet().stream().map(code -> postings.getOrDefault(code, taxAccounts.get(code)))
                    .reduce(Money.zero(pl.totalIncome().currency()), Money::plus);
            assertThat(tax.net()).isEqualTo(taxPostings.negate());

            TrialBalance tb = reports.trialBalance(busiest, YEAR.to());
            assertThat(tb.totalDebits()).isEqualTo(tb.totalCredits());
        }
    }

    private static ClientId busiest(LocalStore store) {
        return store.read(session -> session.doReturningWork(connection -> {
            try (var statement = connection.prepareStatement(
                    "select client_id from transactions group by client_id order by count(*) desc, client_id limit 1");
                    var row = statement.executeQuery()) {
                row.next();
                return new ClientId(row.getObject(1, UUID.class));
            }
        }));
    }

    private static Map<String, Money> debitsLessCredits(LedgerServices ledger, ClientId client) {
        ChartOfAccounts chart = ledger.accounts().chart(client);
        Map<TaxCodeId, TaxCode> codes = ledger.taxCodes().list(client).stream()
                .collect(Collectors.toMap(TaxCode::id, Function.identity()));
        Map<String, Money> net = new HashMap<>();
        for (var stored : ledger.transactions().list(client, YEAR.from(), YEAR.to())) {
            if (stored.transaction().isPosted()) {
                for (Posting posting : stored.transaction().postings(codes::get)) {
                    net.merge(chart.byId(posting.account()).orElseThrow().code(), posting.amount(), Money::plus);
                }
            }
        }
        return net;
    }
}
