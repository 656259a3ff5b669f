package app.booksflow.testdata;

import app.booksflow.testdata.Prices.Rounding;
import app.booksflow.testdata.RecurringSchedule.Due;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;

/**
 * Books monthly bills. Rent and subscriptions cost the same every month (rent rises 3 % a year),
 * electricity follows the season around its usual level, the phone bill now and then runs over.
 * Bills are net amounts; the tax the country charges on them comes on top.
 */
final class BillBookings {

    private static final String[] MONTHS = new String[12];

    static {
        for (Month month : Month.values()) {
            MONTHS[month.ordinal()] = month.getDisplayName(TextStyle.FULL, Locale.ENGLISH);
        }
    }

    private final ClientBooks books;
    private final Draws draws;
    private final int peakMonth;

    BillBookings(ClientBooks books, Country country, Draws draws) {
        this.books = books;
        this.draws = draws;
        this.peakMonth = country.coolsInSummer() ? 7 : 1;
    }

    Booking book(Due due) {
        Bill bill = due.bill();
        long net = switch (bill.category()) {
            case RENT -> books.prices().rescale(bill.minor(), StrictMath.pow(1.03, due.month() / 12), Rounding.FLAT);
            case UTILITIES -> books.prices().rescale(bill.minor(),
                    seasonOf(due.date().getMonthValue()) * draws.logNormal(1, 0.12), Rounding.EXACT);
            case TELEPHONE -> draws.chance(0.8) ? bill.minor()
                    : books.prices().rescale(bill.minor(), draws.logNormal(1.15, 0.1), Rounding.EXACT);
            case BANK_CHARGES -> books.prices().rescale(bill.minor(), draws.logNormal(1, 0.35), Rounding.EXACT);
            default -> bill.minor();
        };
        long gross = books.grossFromNet(net, bill.treatment(), false);
        String memo = bill.label() + " " + MONTHS[due.date().getMonthValue() - 1] + " " + due.date().getYear();
        return new Booking(bill.payee(), memo, bill.bankAccountCode(),
                List.of(books.split(bill.category().accountCode(), -gross, bill.treatment(), "")));
    }

    /** Up to 35 % above the usual level in the dearest month, as far below it half a year later. */
    private double seasonOf(int month) {
        return 1 + 0.35 * StrictMath.cos(2 * StrictMath.PI * (month - peakMonth) / 12);
    }
}
