package app.booksflow.testdata;

import app.booksflow.testdata.Catalog.Section;
import app.booksflow.testdata.Prices.Rounding;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Draws the lasting traits of a client's business: bills, customers and favourite vendors. */
final class ProfileFactory {

    private static final List<Section> VENDOR_SECTIONS = List.of(Section.RESTAURANTS, Section.OFFICE_SUPPLIES,
            Section.WHOLESALERS, Section.TRADE_SUPPLIERS, Section.RAIL, Section.HOTELS, Section.TAXIS,
            Section.AIRLINES, Section.FUEL, Section.CARD_PROCESSORS);
    private static final List<Integer> RENT_DAYS = List.of(1, 1, 1, 1, 15, 28);

    private ProfileFactory() {
    }

    static ClientProfile draw(Country country, BusinessKind kind, Draws draws) {
        Catalog catalog = Catalog.of(country);
        Prices prices = new Prices(country);
        // A client shrinks by up to 5 % or grows by up to 25 % a year.
        double yearlyGrowth = -0.05 + 0.30 * draws.uniform();
        List<Bill> bills = bills(catalog, kind, prices, draws);
        List<String> customers = customers(catalog, kind, draws);
        Map<Section, List<String>> vendors = new EnumMap<>(Section.class);
        for (Section section : VENDOR_SECTIONS) {
            vendors.put(section, draws.shuffled(catalog.list(section)));
        }
        return new ClientProfile(country, kind, yearlyGrowth, bills, customers, vendors);
    }

    /** In the order they are dropped when a quiet client has too few transactions for all of them. */
    private static List<Bill> bills(Catalog catalog, BusinessKind kind, Prices prices, Draws draws) {
        List<Catalog.Software> software = draws.shuffled(Catalog.SOFTWARE);
        int seats = kind == BusinessKind.CONSULTANCY ? draws.between(2, 6) : draws.between(1, 3);
        List<Bill> bills = new ArrayList<>();
        bills.add(new Bill(Category.RENT, draws.pick(catalog.list(Section.LANDLORDS)), draws.pick(RENT_DAYS),
                prices.minor(draws.logNormal(kind.rentSize(), 0.35), Rounding.FLAT), Treatment.RENT, "Rent", "1000"));
        bills.add(subscription(software.get(0), seats, prices, draws));
        bills.add(new Bill(Category.UTILITIES, draws.pick(catalog.list(Section.UTILITIES)), draws.between(8, 20),
                prices.minor(draws.logNormal(kind.utilitySize(), 0.25), Rounding.EXACT), Treatment.ENERGY,
                "Electricity", "1000"));
        bills.add(new Bill(Category.TELEPHONE, draws.pick(catalog.list(Section.TELECOMS)), draws.between(15, 25),
                prices.minor(draws.logNormal(65, 0.3), Rounding.EXACT), Treatment.STANDARD, "Phone and broadband",
                "1000"));
        bills.add(new Bill(Category.BANK_CHARGES, draws.pick(catalog.list(Section.BANKS)), 28,
                prices.minor(draws.logNormal(15, 0.3), Rounding.EXACT), Treatment.EXEMPT, "Account fees", "1000"));
        bills.add(subscription(software.get(1), 1, prices, draws));
        bills.add(new Bill(Category.INSURANCE, draws.pick(catalog.list(Section.INSURERS)), draws.between(1, 10),
                prices.minor(draws.logNormal(110, 0.4), Rounding.RETAIL), Treatment.EXEMPT, "Business insurance",
                "1000"));
        bills.add(subscription(software.get(2), seats, prices, draws));
        return List.copyOf(bills);
    }

    private static Bill subscription(Catalog.Software product, int seats, Prices prices, Draws draws) {
        String label = product.name() + (seats > 1 ? " subscription, " + seats + " users" : " subscription");
        return new Bill(Category.SOFTWARE, product.name(), draws.between(1, 28),
                seats * prices.minor(product.size(), Rounding.RETAIL), Treatment.STANDARD, label, "2100");
    }

    /** Regular customers, the biggest first. Tradespeople also work for households. */
    private static List<String> customers(Catalog catalog, BusinessKind kind, Draws draws) {
        Set<String> names = new LinkedHashSet<>();
        List<String> surnames = catalog.list(Section.SURNAMES);
        for (int attempt = 0; attempt < kind.customers() * 3 && names.size() < kind.customers(); attempt++) {
            String surname = draws.pick(surnames);
            if (kind == BusinessKind.TRADES && draws.chance(0.6)) {
                names.add(catalog.personName(draws.pick(catalog.list(Section.GIVEN_NAMES)), surname));
            } else {
                names.add(catalog.businessName(surname, draws.pick(catalog.list(Section.CUSTOMER_WORDS))));
            }
        }
        return List.copyOf(names);
    }
}
