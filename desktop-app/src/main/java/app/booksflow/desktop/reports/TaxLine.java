package app.booksflow.desktop.reports;

import app.booksflow.model.money.TaxRate;
import app.booksflow.model.money.Money;

/**
 * One tax code's figures in a period: the tax collected on sales (credited to its tax account) and the
 * tax paid on purchases (debited), with the net amounts they were charged on.
 */
public record TaxLine(String code, String name, TaxRate rate, Money netSales, Money collected, Money netPurchases,
        Money paid) {

    /** What is owed to the tax office for this code (negative: to be reclaimed). */
    public Money net() {
        return collected.minus(paid);
    }
}
