package app.booksflow.testdata;

/**
 * What kind of supply a split is, for tax purposes. Countries tax the same supply differently (a
 * train ticket is zero-rated in the UK, 7 % in Germany, 10 % in France), so bookings name the
 * supply and the client's country decides the rate.
 */
enum Treatment {
    STANDARD,
    /** Labour and advice: taxed like anything else, except by US sales tax. */
    SERVICES,
    /** Groceries and takeaway food. */
    FOOD,
    /** Eating in, restaurant meals. */
    RESTAURANT,
    ENERGY,
    TRANSPORT,
    ACCOMMODATION,
    /** Commercial rent, where the landlord charges tax on it. */
    RENT,
    /** Insurance, bank charges, flights: no tax code at all. */
    EXEMPT
}
