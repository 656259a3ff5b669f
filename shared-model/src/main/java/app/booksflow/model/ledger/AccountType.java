package app.booksflow.model.ledger;

/** The five kinds of account; each has a normal balance side. */
public enum AccountType {
    ASSET(true),
    LIABILITY(false),
    EQUITY(false),
    INCOME(false),
    EXPENSE(true);

    private final boolean debitNormal;

    AccountType(boolean debitNormal) {
        this.debitNormal = debitNormal;
    }

    /** Assets and expenses grow with debits; liabilities, equity and income with credits. */
    public boolean isDebitNormal() {
        return debitNormal;
    }

    /** Income and expense accounts make up the profit and loss; the rest the balance sheet. */
    public boolean isProfitAndLoss() {
        return this == INCOME || this == EXPENSE;
    }
}
