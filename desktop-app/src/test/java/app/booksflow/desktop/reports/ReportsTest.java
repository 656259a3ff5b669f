package app.booksflow.desktop.reports;

import static app.booksflow.desktop.support.TestBooks.USER;
import static app.booksflow.desktop.support.TestBooks.gbp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import app.booksflow.desktop.support.TestBooks;
import app.booksflow.model.id.AccountId;
import app.booksflow.model.id.TaxCodeId;
import app.booksflow.model.id.TransactionId;
import app.booksflow.model.ledger.AccountType;
import app.booksflow.model.ledger.ChartOfAccounts;
import app.booksflow.model.ledger.Posting;
import app.booksflow.model.ledger.Split;
import app.booksflow.model.ledger.TaxCode;
import app.booksflow.model.ledger.Transaction;
import app.booksflow.model.ledger.TransactionStatus;
import app.booksflow.model.money.Money;
import app.booksflow.model.practice.Client;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportsTest {

    private static final ReportPeriod MAY_JUNE = new ReportPeriod(LocalDate.of(2025, 5, 1), LocalDate.of(2025, 6, 30));

    @TempDir
    Path dir;
    private TestBooks books;
    private Client client;
    private Reports reports;

    @BeforeEach
    void open() {
        books = TestBooks.open(dir);
        client = books.ukClient("Hill Street Bakery");
        reports = new Reports(books.store);
        var transactions = books.ledger.transactions();
        // 240.00 gross at 20 % VAT: Sales 200.00, VAT collected 40.00.
        transactions.create(books.sale(client, LocalDate.of(2025, 5, 2), "240.00"), USER);
        // 60.00 gross at 20 % VAT: Office supplies 50.00, VAT paid 10.00.
        transactions.create(taxedPurchase(LocalDate.of(2025, 5, 10), "60.00", "6100", "VAT20-P"), USER);
        transactions.create(books.purchase(client, LocalDate.of(2025, 5, 20), "900.00", "6000"), USER);
        transactions.create(books.purchase(client, LocalDate.of(2025, 6, 3), "12.34", "6100"), USER);
        // Neither a draft nor a deleted transaction counts.
        transactions.create(TestBooks.draft(books.sale(client, LocalDate.of(2025, 5, 25), "1000.00")), USER);
        Transaction deleted = books.purchase(client, LocalDate.of(2025, 5, 26), "77.00", "6100");
        transactions.create(deleted, USER);
        transactions.delete(deleted.id(), USER);
        // Outside the period: before it (in the trial balance only) and after it.
        transactions.create(books.sale(client, LocalDate.of(2025, 4, 30), "36.00"), USER);
        transactions.create(books.sale(client, LocalDate.of(2025, 7, 1), "12.00"), USER);
    }

    @AfterEach
    void close() {
        books.close();
    }

    @Test
    void profitAndLossShowsIncomeAndExpensesByAccountToTheCent() {
        ProfitAndLoss pl = reports.profitAndLoss(client.id(), MAY_JUNE);

        assertThat(pl.income()).extracting(l -> l.account().code(), ReportLine::amount)
                .containsExactly(tuple("4000", gbp("200.00")));
        assertThat(pl.expenses()).extracting(l -> l.account().code(), ReportLine::amount)
                .containsExactly(tuple("6000", gbp("900.00")), tuple("6100", gbp("62.34")));
        assertThat(pl.totalIncome()).isEqualTo(gbp("200.00"));
        assertThat(pl.totalExpenses()).isEqualTo(gbp("962.34"));
        assertThat(pl.netProfit()).isEqualTo(gbp("-762.34"));
    }

    @Test
    void profitAndLossEqualsTheSameComputedFromTheLedgersPostings() {
        ProfitAndLoss pl = reports.profitAndLoss(client.id(), MAY_JUNE);

        Map<String, Money> fromPostings = netByAccountFromPostings(MAY_JUNE.from(), MAY_JUNE.to());
        Map<String, Money> fromReport = new HashMap<>();
        pl.income().forEach(l -> fromReport.put(l.account().code(), l.amount()));
        pl.expenses().forEach(l -> fromReport.put(l.account().code(), l.amount()));
        assertThat(fromReport).isEqualTo(fromPostings);
    }

    @Test
    void expenseSharesAddUpToAHundredPercent() {
        ExpensesByCategory expenses = reports.expensesByCategory(client.id(), MAY_JUNE);

        assertThat(expenses.total()).isEqualTo(gbp("962.34"));
        assertThat(expenses.categories()).extracting(c -> c.account().code(), ExpenseShare::amount, c -> c.sharePercent(2))
                .containsExactly(tuple("6000", gbp("900.00"), new BigDecimal("93.52")),
                        tuple("6100", gbp("62.34"), new BigDecimal("6.48")));
        BigDecimal sum = expenses.categories().stream().map(ExpenseShare::share).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(sum.subtract(BigDecimal.valueOf(100)).abs()).isLessThan(new BigDecimal("1e-25"));
    }

    @Test
    void trialBalanceBalancesAndItsProfitAndLossAccountsGiveTheNetProfit() {
        LocalDate asOf = MAY_JUNE.to();
        TrialBalance tb = reports.trialBalance(client.id(), asOf);

        assertThat(tb.totalDebits()).isEqualTo(tb.totalCredits());
        assertThat(tb.lines()).extracting(l -> l.account().code(), TrialBalanceLine::debit, TrialBalanceLine::credit)
                .containsExactly(tuple("1000", gbp("0.00"), gbp("696.34")),
                        tuple("1200", gbp("10.00"), gbp("0.00")),
                        tuple("2200", gbp("0.00"), gbp("46.00")),
                        tuple("4000", gbp("0.00"), gbp("230.00")),
                        tuple("6000", gbp("900.00"), gbp("0.00")),
                        tuple("6100", gbp("62.34"), gbp("0.00")));
        // Income and expense accounts close into equity: their credits less debits are the profit to date.
        Money profitInTrialBalance = tb.lines().stream().filter(l -> l.account().type().isProfitAndLoss())
                .map(l -> l.credit().minus(l.debit())).reduce(gbp("0.00"), Money::plus);
        ProfitAndLoss toDate = reports.profitAndLoss(client.id(), new ReportPeriod(LocalDate.of(2000, 1, 1), asOf));
        assertThat(profitInTrialBalance).isEqualTo(toDate.netProfit()).isEqualTo(gbp("-732.34"));
        // The balance sheet side moves by the same amount: assets less liabilities and equity.
        Money netAssets = tb.lines().stream().filter(l -> !l.account().type().isProfitAndLoss())
                .map(TrialBalanceLine::balance).reduce(gbp("0.00"), Money::plus);
        assertThat(netAssets).isEqualTo(toDate.netProfit());
    }

    @Test
    void taxSummaryGivesCollectedAndPaidPerTaxCode() {
        TaxSummary tax = reports.taxSummary(client.id(), MAY_JUNE);

        assertThat(tax.lines()).extracting(TaxLine::code, TaxLine::netSales, TaxLine::collected, TaxLine::netPurchases,
                        TaxLine::paid)
                .containsExactly(tuple("VAT20-P", gbp("0.00"), gbp("0.00"), gbp("50.00"), gbp("10.00")),
                        tuple("VAT20-S", gbp("200.00"), gbp("40.00"), gbp("0.00"), gbp("0.00")));
        assertThat(tax.totalCollected()).isEqualTo(gbp("40.00"));
        assertThat(tax.totalPaid()).isEqualTo(gbp("10.00"));
        assertThat(tax.net()).isEqualTo(gbp("30.00"));
        // The same as the postings to the tax accounts in the period.
        Map<String, Money> postings = debitsLessCredits(MAY_JUNE.from(), MAY_JUNE.to());
        assertThat(postings.get("2200").negate()).isEqualTo(tax.totalCollected());
        assertThat(postings.get("1200")).isEqualTo(tax.totalPaid());
    }

    private Transaction taxedPurchase(LocalDate date, String gross, String expenseCode, String taxCode) {
        Money amount = Money.of(gross, "GBP").negate();
        return new Transaction(TransactionId.random(), client.id(), date, "Supplier", "", books.account(client.id(), "1000"),
                amount, TransactionStatus.POSTED,
                List.of(Split.of(books.account(client.id(), expenseCode), amount, books.taxCode(client.id(), taxCode))));
    }

    /** Income as credits less debits, expenses as debits less credits, per account code. */
    private Map<String, Money> netByAccountFromPostings(LocalDate from, LocalDate to) {
        Map<String, Money> all = debitsLessCredits(from, to);
        ChartOfAccounts chart = books.ledger.accounts().chart(client.id());
        return all.entrySet().stream()
                .filter(e -> chart.byCode(e.getKey()).orElseThrow().type().isProfitAndLoss())
                .filter(e -> !e.getValue().isZero())
                .collect(Collectors.toMap(Map.Entry::getKey, e -> chart.byCode(e.getKey()).orElseThrow().type()
                        == AccountType.INCOME ? e.getValue().negate() : e.getValue()));
    }

    /** Debits less credits per account code, from the posted transactions' postings. */
    private Map<String, Money> debitsLessCredits(LocalDate from, LocalDate to) {
        ChartOfAccounts chart = books.ledger.accounts().chart(client.id());
        Map<TaxCodeId, TaxCode> codes = books.ledger.taxCodes().list(client.id()).stream()
                .collect(Collectors.toMap(TaxCode::id, Function.identity()));
        Map<String, Money> net = new HashMap<>();
        for (var stored : books.ledger.transactions().list(client.id(), from, to)) {
            if (!stored.transaction().isPosted()) {
                continue;
            }
            for (Posting posting : stored.transaction().postings(codes::get)) {
                AccountId account = posting.account();
                net.merge(chart.byId(account).orElseThrow().code(), posting.amount(), Money::plus);
            }
        }
        return net;
    }
}
