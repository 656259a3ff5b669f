package app.booksflow.desktop.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import app.booksflow.desktop.dashboard.DashboardDelta.AccountDay;
import app.booksflow.desktop.dashboard.DashboardDelta.ClientDay;
import app.booksflow.model.id.AccountId;
import app.booksflow.model.id.ClientId;
import app.booksflow.model.id.TaxCodeId;
import app.booksflow.model.id.TransactionId;
import app.booksflow.model.ledger.Account;
import app.booksflow.model.ledger.AccountType;
import app.booksflow.model.ledger.Split;
import app.booksflow.model.ledger.TaxCode;
import app.booksflow.model.ledger.Transaction;
import app.booksflow.model.ledger.TransactionStatus;
import app.booksflow.model.money.Currencies;
import app.booksflow.model.money.Money;
import app.booksflow.model.money.TaxRate;
import app.booksflow.model.receipt.ReceiptStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What one transaction or receipt adds to the dashboards, worked out by hand. */
class DashboardDeltaTest {

    private static final ClientId CLIENT = ClientId.random();
    private static final LocalDate DAY = LocalDate.of(2025, 5, 5);
    private static final Account BANK = account("1000", AccountType.ASSET);
    private static final Account VAT_PAYABLE = account("2200", AccountType.LIABILITY);
    private static final Account VAT_RECEIVABLE = account("1200", AccountType.ASSET);
    private static final Account SALES = account("4000", AccountType.INCOME);
    private static final Account SUPPLIES = account("6100", AccountType.EXPENSE);
    private static final Account SAVINGS = account("1010", AccountType.ASSET);
    private static final TaxCode VAT_ON_SALES =
            new TaxCode(TaxCodeId.random(), CLIENT, "VAT20-S", "VAT on sales", TaxRate.ofPercent("20"), VAT_PAYABLE.id());
    private static final TaxCode VAT_ON_PURCHASES = new TaxCode(TaxCodeId.random(), CLIENT, "VAT20-P",
            "VAT on purchases", TaxRate.ofPercent("20"), VAT_RECEIVABLE.id());
    private static final ClientChart CHART = new ClientChart(CLIENT, Currencies.GBP,
            List.of(BANK, VAT_PAYABLE, VAT_RECEIVABLE, SALES, SUPPLIES, SAVINGS), List.of(VAT_ON_SALES, VAT_ON_PURCHASES));

    private static Account account(String code, AccountType type) {
        return new Account(AccountId.random(), CLIENT, code, code, type);
    }

    private static Transaction transaction(String total, Account other, TaxCode tax, TransactionStatus status) {
        Money amount = Money.of(total, "GBP");
        Split split = tax == null ? Split.of(other.id(), amount) : Split.of(other.id(), amount, tax.id());
        return new Transaction(TransactionId.random(), CLIENT, DAY, "Someone", "", BANK.id(), amount, status,
                List.of(split));
    }

    private static long[] accountDay(DashboardDelta delta, Account account) {
        return delta.accountDays.get(new AccountDay(CLIENT, DAY, account.id()));
    }

    private static long[] clientDay(DashboardDelta delta) {
        return delta.clientDays.get(new ClientDay(CLIENT, DAY));
    }

    @Test
    void aSaleWithVatIsIncomeNetOfTaxAndDebitsTheBankWithTheGross() {
        DashboardDelta delta = new DashboardDelta();

        delta.add(transaction("120.00", SALES, VAT_ON_SALES, TransactionStatus.POSTED), CHART);

        assertThat(accountDay(delta, BANK)).containsExactly(12_000, 0, 1);
        assertThat(accountDay(delta, SALES)).containsExactly(0, 10_000, 1);
        assertThat(accountDay(delta, VAT_PAYABLE)).containsExactly(0, 2_000, 1);
        assertThat(clientDay(delta)).containsExactly(10_000, 0, 1);
    }

    @Test
    void aPurchaseWithReclaimableVatIsAnExpenseNetOfTax() {
        DashboardDelta delta = new DashboardDelta();

        delta.add(transaction("-60.00", SUPPLIES, VAT_ON_PURCHASES, TransactionStatus.POSTED), CHART);

        assertThat(accountDay(delta, SUPPLIES)).containsExactly(5_000, 0, 1);
        assertThat(accountDay(delta, VAT_RECEIVABLE)).containsExactly(1_000, 0, 1);
        assertThat(accountDay(delta, BANK)).containsExactly(0, 6_000, 1);
        assertThat(clientDay(delta)).containsExactly(0, 5_000, 1);
    }

    @Test
    void aTransferBetweenOwnAccountsIsNeitherIncomeNorExpenseButStillCounts() {
        DashboardDelta delta = new DashboardDelta();

        delta.add(transaction("500.00", SAVINGS, null, TransactionStatus.POSTED), CHART);

        assertThat(clientDay(delta)).containsExactly(0, 0, 1);
    }

    @Test
    void aRefundToACustomerLowersIncome() {
        DashboardDelta delta = new DashboardDelta();

        delta.add(transaction("-24.00", SALES, VAT_ON_SALES, TransactionStatus.POSTED), CHART);

        assertThat(clientDay(delta)).containsExactly(-2_000, 0, 1);
    }

    @Test
    void aDraftAddsNothing() {
        DashboardDelta delta = new DashboardDelta();

        delta.add(transaction("120.00", SALES, VAT_ON_SALES, TransactionStatus.DRAFT), CHART);

        assertThat(delta.isEmpty()).isTrue();
    }

    @Test
    void removingWhatWasAddedLeavesZeroes() {
        DashboardDelta delta = new DashboardDelta();
        Transaction sale = transaction("120.00", SALES, VAT_ON_SALES, TransactionStatus.POSTED);

        delta.add(sale, CHART);
        delta.remove(sale, CHART);

        assertThat(delta.accountDays.values()).allSatisfy(row -> assertThat(row).containsOnly(0));
        assertThat(clientDay(delta)).containsOnly(0);
    }

    @Test
    void aReceiptCountsUnderItsStatusWithItsReadingTimeAndReview() {
        DashboardDelta delta = new DashboardDelta();
        Instant received = Instant.parse("2025-05-05T10:00:00Z");

        delta.add(ReceiptFacts.of(CLIENT, ReceiptStatus.COMPLETED, received, received.plusSeconds(42), 5, 4));

        assertThat(delta.receiptStatuses.get(new DashboardDelta.ClientStatus(CLIENT, ReceiptStatus.COMPLETED)))
                .containsExactly(1);
        assertThat(delta.receiptQuality.get(CLIENT)).containsExactly(5, 4, 1, 42_000);
    }
}
