package app.booksflow.testdata;

import java.util.EnumMap;
import java.util.Map;

/**
 * The trade of a generated client. It decides how busy the books are, which categories fill them,
 * when the high season is and how large a typical sale is: a café banks card takings every weekday
 * and peaks in summer, a consultancy sends a few large invoices to a handful of customers.
 */
enum BusinessKind {
    CAFE(1.6, 196, 0.30, 0, 420, 0.45, 260, 2200, 450,
            "SALES=45 PURCHASES=22 MEALS=4 OFFICE_SUPPLIES=14 TRAVEL=3 FUEL=2"),
    SHOP(1.4, 350, 0.40, 0, 780, 0.60, 900, 3000, 260,
            "SALES=45 PURCHASES=25 MEALS=8 OFFICE_SUPPLIES=12 TRAVEL=5 FUEL=5"),
    TRADES(1.0, 140, 0.20, 60, 520, 0.80, 180, 900, 120,
            "SERVICES=35 PURCHASES=25 MEALS=12 OFFICE_SUPPLIES=8 TRAVEL=3 FUEL=17"),
    CONSULTANCY(0.5, 280, 0.15, 10, 3200, 0.60, 0, 1800, 90,
            "SERVICES=30 MEALS=28 OFFICE_SUPPLIES=17 TRAVEL=25");

    private final double busyness;
    private final int peakDayOfYear;
    private final double seasonality;
    private final int customers;
    private final double saleSize;
    private final double saleSpread;
    private final double purchaseSize;
    private final double rentSize;
    private final double utilitySize;
    private final Map<Category, Double> weights = new EnumMap<>(Category.class);

    BusinessKind(double busyness, int peakDayOfYear, double seasonality, int customers, double saleSize,
            double saleSpread, double purchaseSize, double rentSize, double utilitySize, String weightTable) {
        this.busyness = busyness;
        this.peakDayOfYear = peakDayOfYear;
        this.seasonality = seasonality;
        this.customers = customers;
        this.saleSize = saleSize;
        this.saleSpread = saleSpread;
        this.purchaseSize = purchaseSize;
        this.rentSize = rentSize;
        this.utilitySize = utilitySize;
        for (String entry : weightTable.split(" ")) {
            String[] parts = entry.split("=");
            weights.put(Category.valueOf(parts[0]), Double.valueOf(parts[1]));
        }
    }

    /** Relative number of transactions compared with other kinds, before the client's own size. */
    double busyness() {
        return busyness;
    }

    int peakDayOfYear() {
        return peakDayOfYear;
    }

    /** How far the busiest day of the year lies above the average, as a fraction. */
    double seasonality() {
        return seasonality;
    }

    /** How many regular customers send invoices to pay; 0 for takings paid out by a card processor. */
    int customers() {
        return customers;
    }

    /** The median size of a sale or net invoice (in units of {@link Prices}), and the log-normal spread around it. */
    double saleSize() {
        return saleSize;
    }

    double saleSpread() {
        return saleSpread;
    }

    double purchaseSize() {
        return purchaseSize;
    }

    double rentSize() {
        return rentSize;
    }

    double utilitySize() {
        return utilitySize;
    }

    /** The categories of irregular transactions and their relative frequency. */
    Map<Category, Double> weights() {
        return weights;
    }
}
