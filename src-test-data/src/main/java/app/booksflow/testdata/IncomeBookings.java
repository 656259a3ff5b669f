package app.booksflow.testdata;

import app.booksflow.model.ledger.Split;
import app.booksflow.model.money.Money;
import app.booksflow.testdata.Catalog.Section;
import app.booksflow.testdata.Prices.Rounding;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Books what a client earns. Cafés and shops bank their takings through a card processor or as cash;
 * tradespeople and consultants send numbered invoices to customers who come back, the big ones most.
 * A café's takings mix eating in and taking away, which many countries tax at different rates.
 */
final class IncomeBookings {

    private final ClientBooks books;
    private final ClientProfile profile;
    private final Draws draws;
    private int invoiceYear;
    private int invoiceNumber;

    IncomeBookings(ClientBooks books, ClientProfile profile, Draws draws) {
        this.books = books;
        this.profile = profile;
        this.draws = draws;
    }

    Booking book(Category category, LocalDate date) {
        return profile.customers().isEmpty() || category == Category.SALES ? takings() : invoice(date);
    }

    private Booking takings() {
        BusinessKind kind = profile.kind();
        boolean cash = draws.chance(kind == BusinessKind.CAFE ? 0.25 : 0.10);
        // A shop settles its cards through one processor, sometimes a second one for online orders.
        List<String> processors = profile.vendors(Section.CARD_PROCESSORS);
        String payee = cash ? "Cash deposit" : draws.chance(0.85) ? processors.get(0) : draws.pick(processors);
        String memo = cash ? "Cash takings" : "Card takings";
        long taken = books.prices().minor(draws.logNormal(kind.saleSize(), kind.saleSpread()), Rounding.EXACT);
        if (kind != BusinessKind.CAFE) {
            long gross = grossOfTakings(taken, Treatment.STANDARD);
            return new Booking(payee, memo, "1000", List.of(books.split("4000", gross, Treatment.STANDARD, "")));
        }
        long eatInShare = draws.between(40, 70);
        List<Money> parts = Money.ofMinor(taken, books.currency()).allocate(eatInShare, 100 - eatInShare);
        List<Split> splits = new ArrayList<>(2);
        addTakings(splits, parts.get(0).minorUnits(), Treatment.RESTAURANT, "Eat in");
        addTakings(splits, parts.get(1).minorUnits(), Treatment.FOOD, "Takeaway");
        return new Booking(payee, memo, "1000", splits);
    }

    private void addTakings(List<Split> splits, long part, Treatment treatment, String memo) {
        if (part > 0) {
            splits.add(books.split("4000", grossOfTakings(part, treatment), treatment, memo));
        }
    }

    /** Shelf prices include VAT; American prices do not, the register adds the sales tax. */
    private long grossOfTakings(long taken, Treatment treatment) {
        return profile.country() == Country.UNITED_STATES ? books.grossFromNet(taken, treatment, true) : taken;
    }

    private Booking invoice(LocalDate date) {
        BusinessKind kind = profile.kind();
        String customer = draws.pickFavourite(profile.customers());
        long labour = books.prices().minor(draws.logNormal(kind.saleSize(), kind.saleSpread()), Rounding.INVOICE);
        List<Split> splits = new ArrayList<>(2);
        if (kind == BusinessKind.TRADES && draws.chance(0.4)) {
            long parts = books.prices().minor(draws.logNormal(0.4 * kind.saleSize(), 0.6), Rounding.EXACT);
            splits.add(books.split("4000", books.grossFromNet(parts, Treatment.STANDARD, true), Treatment.STANDARD,
                    "Parts and materials"));
        }
        splits.add(books.split("4100", books.grossFromNet(labour, Treatment.SERVICES, true), Treatment.SERVICES,
                kind == BusinessKind.TRADES ? "Labour" : "Professional services"));
        return new Booking(customer, nextInvoiceNumber(date), "1000", splits);
    }

    /** Numbered per calendar year without gaps, as tax authorities ask: INV-2025-0001, INV-2025-0002, ... */
    private String nextInvoiceNumber(LocalDate date) {
        if (date.getYear() != invoiceYear) {
            invoiceYear = date.getYear();
            invoiceNumber = 0;
        }
        invoiceNumber++;
        String number = Integer.toString(invoiceNumber);
        return "Invoice INV-" + invoiceYear + "-" + "0000".substring(Math.min(4, number.length())) + number;
    }
}
