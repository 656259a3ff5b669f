package app.booksflow.desktop.support;

import static app.booksflow.desktop.support.TestBooks.USER;

import app.booksflow.model.ledger.Transaction;
import app.booksflow.model.practice.Client;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Optional;

/**
 * A week of audited changes by three users over two clients, a day apart from 15 June 2025 09:00 UTC:
 * the bakery taken on (with its chart and tax codes), the joinery taken on, a sale of the bakery
 * entered and deleted after posting (high risk), the bakery's books closed
 * (critical) and a purchase of the joinery entered by a user whose name is a spreadsheet formula.
 */
public final class AuditScenario {

    public static final String SAM = "sam@harper-lowe.example";
    public static final String FORMULA_USER = "=HYPERLINK(\"http://evil.example\",\"open\")";

    public final Client bakery;
    public final Client joinery;
    public final Transaction sale;
    public final Transaction purchase;

    public AuditScenario(TestBooks books) {
        bakery = books.ukClient("Hill Street Bakery");              // 15 June
        books.clock.advance(Duration.ofDays(1));
        joinery = books.ukClient("Acorn Joinery");                  // 16 June
        books.clock.advance(Duration.ofDays(1));
        sale = books.ledger.transactions().create(books.sale(bakery, LocalDate.of(2025, 5, 2), "240.00"), SAM)
                .transaction();                                      // 17 June
        books.clock.advance(Duration.ofDays(1));
        books.ledger.transactions().delete(sale.id(), SAM);         // 18 June, high
        books.clock.advance(Duration.ofDays(1));
        books.ledger.clients().changeClosingDate(bakery.id(), Optional.of(LocalDate.of(2025, 3, 31)), USER); // 19 June
        books.clock.advance(Duration.ofDays(1));
        purchase = books.ledger.transactions().create(books.purchase(joinery, LocalDate.of(2025, 6, 1), "80.00", "6100"),
                FORMULA_USER).transaction();                         // 20 June
    }
}
