package app.booksflow.testdata;

/**
 * What a transaction is for. Each category books to one account of the small-business chart and
 * knows how often a real client keeps a receipt for it: nobody photographs a bank fee, most people
 * keep the receipt of a business lunch.
 */
enum Category {
    RENT("6000", 0.10, Weekdays.EVERY_DAY),
    SOFTWARE("6200", 0.25, Weekdays.EVERY_DAY),
    UTILITIES("6500", 0.35, Weekdays.EVERY_DAY),
    TELEPHONE("6600", 0.25, Weekdays.EVERY_DAY),
    INSURANCE("6700", 0.20, Weekdays.EVERY_DAY),
    BANK_CHARGES("7100", 0.0, Weekdays.EVERY_DAY),
    SALES("4000", 0.0, Weekdays.PAYOUTS),
    SERVICES("4100", 0.0, Weekdays.OFFICE),
    PURCHASES("5000", 0.30, Weekdays.OFFICE),
    MEALS("6400", 0.45, Weekdays.MEALS),
    OFFICE_SUPPLIES("6100", 0.40, Weekdays.OFFICE),
    TRAVEL("6300", 0.45, Weekdays.TRAVEL),
    FUEL("7200", 0.35, Weekdays.SHOPS);

    private final String accountCode;
    private final double receiptShare;
    private final Weekdays weekdays;

    Category(String accountCode, double receiptShare, Weekdays weekdays) {
        this.accountCode = accountCode;
        this.receiptShare = receiptShare;
        this.weekdays = weekdays;
    }

    String accountCode() {
        return accountCode;
    }

    boolean isIncome() {
        return this == SALES || this == SERVICES;
    }

    /** The chance that a transaction of this category comes with a receipt. */
    double receiptShare() {
        return receiptShare;
    }

    /** Bills sent by e-mail arrive as PDF invoices rather than photos. */
    boolean isInvoicedByEmail() {
        return switch (this) {
            case RENT, SOFTWARE, UTILITIES, TELEPHONE, INSURANCE -> true;
            default -> false;
        };
    }

    /** Purchases and income follow the business's season; lunches and stationery do not. */
    boolean isSeasonal() {
        return this == SALES || this == SERVICES || this == PURCHASES;
    }

    Weekdays weekdays() {
        return weekdays;
    }

    /** How busy each day of the week is for a category, Monday first. */
    enum Weekdays {
        EVERY_DAY(1, 1, 1, 1, 1, 1, 1),
        /** Card payouts and cash banking settle on bank days; Monday carries the weekend. */
        PAYOUTS(1.8, 1, 1, 1, 1, 0, 0),
        OFFICE(1, 1, 1, 1, 1, 0.12, 0.04),
        MEALS(0.8, 0.9, 0.9, 1, 1.5, 0.5, 0.3),
        TRAVEL(1.1, 1, 1, 1, 1.1, 0.3, 0.3),
        SHOPS(1, 1, 1, 1, 1.1, 1.2, 0.6);

        private final double[] factors;

        Weekdays(double... factors) {
            this.factors = factors;
        }

        double factor(int dayOfWeekFromMonday) {
            return factors[dayOfWeekFromMonday];
        }
    }
}
