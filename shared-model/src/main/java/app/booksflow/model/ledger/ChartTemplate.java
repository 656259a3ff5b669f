package app.booksflow.model.ledger;

import app.booksflow.model.id.AccountId;
import app.booksflow.model.id.ClientId;
import java.util.List;
import java.util.function.Supplier;

/** A starting chart of accounts that a new client gets, adjustable afterwards. */
public record ChartTemplate(String name, List<Entry> entries) {

    public record Entry(String code, String name, AccountType type) {
    }

    public ChartTemplate {
        entries = List.copyOf(entries);
    }

    /** Common categories of a small business, numbered in the usual way (1 assets ... 7 other expenses). */
    public static ChartTemplate smallBusiness() {
        return new ChartTemplate("Small business", List.of(
                new Entry("1000", "Bank", AccountType.ASSET),
                new Entry("1010", "Savings", AccountType.ASSET),
                new Entry("1050", "Cash", AccountType.ASSET),
                new Entry("1100", "Accounts receivable", AccountType.ASSET),
                new Entry("1200", "Tax receivable", AccountType.ASSET),
                new Entry("1500", "Equipment", AccountType.ASSET),
                new Entry("2000", "Accounts payable", AccountType.LIABILITY),
                new Entry("2100", "Credit card", AccountType.LIABILITY),
                new Entry("2200", "Tax payable", AccountType.LIABILITY),
                new Entry("2300", "Payroll liabilities", AccountType.LIABILITY),
                new Entry("2500", "Loans", AccountType.LIABILITY),
                new Entry("3000", "Owner's equity", AccountType.EQUITY),
                new Entry("3100", "Owner's drawings", AccountType.EQUITY),
                new Entry("3200", "Retained earnings", AccountType.EQUITY),
                new Entry("4000", "Sales", AccountType.INCOME),
                new Entry("4100", "Services", AccountType.INCOME),
                new Entry("4900", "Other income", AccountType.INCOME),
                new Entry("5000", "Cost of goods sold", AccountType.EXPENSE),
                new Entry("6000", "Rent", AccountType.EXPENSE),
                new Entry("6100", "Office supplies", AccountType.EXPENSE),
                new Entry("6200", "Software and subscriptions", AccountType.EXPENSE),
                new Entry("6300", "Travel", AccountType.EXPENSE),
                new Entry("6400", "Meals and entertainment", AccountType.EXPENSE),
                new Entry("6500", "Utilities", AccountType.EXPENSE),
                new Entry("6600", "Telephone and internet", AccountType.EXPENSE),
                new Entry("6700", "Insurance", AccountType.EXPENSE),
                new Entry("6800", "Professional fees", AccountType.EXPENSE),
                new Entry("6900", "Advertising and marketing", AccountType.EXPENSE),
                new Entry("7000", "Wages and salaries", AccountType.EXPENSE),
                new Entry("7100", "Bank charges", AccountType.EXPENSE),
                new Entry("7200", "Vehicle expenses", AccountType.EXPENSE),
                new Entry("7300", "Repairs and maintenance", AccountType.EXPENSE)));
    }

    public ChartOfAccounts instantiate(ClientId client, Supplier<AccountId> ids) {
        return new ChartOfAccounts(client, entries.stream()
                .map(e -> new Account(ids.get(), client, e.code(), e.name(), e.type()))
                .toList());
    }
}
