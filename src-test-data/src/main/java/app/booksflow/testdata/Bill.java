package app.booksflow.testdata;

/**
 * A bill that comes every month on the same day from the same payee: rent, a subscription, the
 * electricity. {@code minor} is the usual gross amount; metered bills vary around it.
 */
record Bill(Category category, String payee, int dayOfMonth, long minor, Treatment treatment, String label,
        String bankAccountCode) {
}
