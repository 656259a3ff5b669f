package app.booksflow.testdata;

import app.booksflow.model.ledger.Split;
import app.booksflow.testdata.Catalog.Section;
import app.booksflow.testdata.Prices.Rounding;
import java.util.ArrayList;
import java.util.List;

/**
 * Books the irregular spending of a client. Shop prices (lunch, stationery, a train ticket) are drawn
 * tax-inclusive, the way the receipt shows them; supplier invoices are drawn net with the tax on top.
 * Some purchases mix supplies on one receipt: an online order of paper, a software licence and a
 * monitor; a hotel bill with a room and breakfast taxed at different rates.
 */
final class ExpenseBookings {

    private static final List<String> MEAL_MEMOS = List.of("Client lunch", "Team lunch", "Coffee meeting",
            "Dinner with client", "Working lunch");
    private static final List<String> SUPPLY_MEMOS = List.of("Printer paper", "Toner", "Stationery", "Postage",
            "Cleaning supplies", "Batteries and cables");

    private final ClientBooks books;
    private final ClientProfile profile;
    private final Draws draws;

    ExpenseBookings(ClientBooks books, ClientProfile profile, Draws draws) {
        this.books = books;
        this.profile = profile;
        this.draws = draws;
    }

    Booking book(Category category) {
        return switch (category) {
            case PURCHASES -> purchase();
            case MEALS -> meal();
            case OFFICE_SUPPLIES -> supplies();
            case TRAVEL -> travel();
            case FUEL -> new Booking(vendor(Section.FUEL), "Fuel", "2100",
                    List.of(shopSplit(Category.FUEL, 70, 0.3, Rounding.EXACT, Treatment.STANDARD, "")));
            default -> throw new IllegalArgumentException(category + " is not an irregular expense");
        };
    }

    private Booking purchase() {
        boolean food = profile.kind() == BusinessKind.CAFE;
        Section suppliers = profile.kind() == BusinessKind.TRADES ? Section.TRADE_SUPPLIERS : Section.WHOLESALERS;
        Treatment treatment = food ? Treatment.FOOD : Treatment.STANDARD;
        long net = books.prices().minor(draws.logNormal(profile.kind().purchaseSize(), 0.6), Rounding.EXACT);
        List<Split> splits = new ArrayList<>(2);
        splits.add(books.split("5000", -books.grossFromNet(net, treatment, false), treatment,
                food ? "Food and drink" : "Stock and materials"));
        if (food && draws.chance(0.3)) {
            long extra = books.prices().minor(draws.logNormal(25, 0.5), Rounding.EXACT);
            splits.add(books.split("6100", -books.grossFromNet(extra, Treatment.STANDARD, false), Treatment.STANDARD,
                    "Cleaning and packaging"));
        }
        String memo = switch (profile.kind()) {
            case CAFE -> "Supplier invoice";
            case TRADES -> "Materials";
            default -> "Stock purchase";
        };
        return new Booking(vendor(suppliers), memo, "1000", splits);
    }

    private Booking meal() {
        boolean takeaway = draws.chance(0.25);
        double median = profile.kind() == BusinessKind.CONSULTANCY ? 45 : 24;
        Split split = shopSplit(Category.MEALS, median, 0.5, Rounding.RETAIL,
                takeaway ? Treatment.FOOD : Treatment.RESTAURANT, "");
        String bank = draws.chance(0.6) ? "2100" : "1050";
        return new Booking(vendor(Section.RESTAURANTS), takeaway ? "Takeaway" : draws.pick(MEAL_MEMOS), bank,
                List.of(split));
    }

    private Booking supplies() {
        String vendor = vendor(Section.OFFICE_SUPPLIES);
        String bank = draws.chance(0.7) ? "2100" : "1000";
        if (draws.chance(0.7)) {
            String memo = draws.pick(SUPPLY_MEMOS);
            return new Booking(vendor, memo, bank,
                    List.of(shopSplit(Category.OFFICE_SUPPLIES, 45, 0.8, Rounding.RETAIL, Treatment.STANDARD, "")));
        }
        List<Split> splits = new ArrayList<>(3);
        splits.add(shopSplit(Category.OFFICE_SUPPLIES, 40, 0.6, Rounding.RETAIL, Treatment.STANDARD, "Office supplies"));
        splits.add(shopSplit(Category.SOFTWARE, 80, 0.6, Rounding.RETAIL, Treatment.STANDARD, "Software licence"));
        if (draws.chance(0.35)) {
            long monitor = books.prices().minor(draws.logNormal(450, 0.4), Rounding.RETAIL);
            splits.add(books.split("1500", -monitor, Treatment.STANDARD, "Monitor"));
        }
        return new Booking(vendor, "Online order", bank, splits);
    }

    private Booking travel() {
        double kind = draws.uniform();
        if (kind < 0.35) {
            return new Booking(vendor(Section.RAIL), "Train tickets", "2100",
                    List.of(shopSplit(Category.TRAVEL, 45, 0.6, Rounding.RETAIL, Treatment.TRANSPORT, "")));
        }
        if (kind < 0.60) {
            return new Booking(vendor(Section.TAXIS), "Taxi", "2100",
                    List.of(shopSplit(Category.TRAVEL, 22, 0.5, Rounding.EXACT, Treatment.STANDARD, "")));
        }
        if (kind < 0.88) {
            int nights = draws.between(1, 3);
            List<Split> splits = new ArrayList<>(2);
            long room = nights * books.prices().minor(draws.logNormal(110, 0.35), Rounding.RETAIL);
            splits.add(books.split("6300", -room, Treatment.ACCOMMODATION, "Room"));
            if (draws.chance(0.6)) {
                long breakfast = nights * books.prices().minor(15, Rounding.RETAIL);
                splits.add(books.split("6300", -breakfast, Treatment.RESTAURANT, "Breakfast"));
            }
            return new Booking(vendor(Section.HOTELS), "Hotel, " + nights + (nights == 1 ? " night" : " nights"),
                    "2100", splits);
        }
        return new Booking(vendor(Section.AIRLINES), "Flight", "2100",
                List.of(shopSplit(Category.TRAVEL, 260, 0.5, Rounding.RETAIL, Treatment.EXEMPT, "")));
    }

    /** A tax-inclusive shop price, booked as a purchase. */
    private Split shopSplit(Category category, double medianSize, double spread, Rounding rounding,
            Treatment treatment, String memo) {
        long gross = books.prices().minor(draws.logNormal(medianSize, spread), rounding);
        return books.split(category.accountCode(), -gross, treatment, memo);
    }

    private String vendor(Section section) {
        return draws.pickFavourite(profile.vendors(section));
    }
}
