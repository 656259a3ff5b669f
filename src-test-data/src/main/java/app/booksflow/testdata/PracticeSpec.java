package app.booksflow.testdata;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * What practice to generate. The same spec gives the same practice, down to every id and amount, on
 * every machine; change the seed for another practice of the same shape.
 *
 * @param seed         the master seed every random choice derives from
 * @param clients      how many clients the practice keeps the books of
 * @param transactions how many transactions all clients have together, exactly
 * @param from         the first booking date
 * @param to           the last booking date, inclusive
 */
public record PracticeSpec(long seed, int clients, long transactions, LocalDate from, LocalDate to) {

    public static final long DEFAULT_SEED = 20_250_101L;

    private static final LocalDate TWO_YEARS_FROM = LocalDate.of(2024, 1, 1);
    private static final LocalDate TWO_YEARS_TO = LocalDate.of(2025, 12, 31);

    public PracticeSpec {
        if (clients < 1) {
            throw new IllegalArgumentException("a practice needs at least one client, not " + clients);
        }
        if (transactions < 0) {
            throw new IllegalArgumentException("the number of transactions cannot be negative: " + transactions);
        }
        if (from == null || to == null || to.isBefore(from)) {
            throw new IllegalArgumentException("the period must run forwards: " + from + " to " + to);
        }
        // Ids carry millisecond timestamps after 1970, and the generator sets clients up before the period.
        if (from.getYear() < 1971 || to.getYear() > 2999) {
            throw new IllegalArgumentException("the period must lie between 1971 and 2999: " + from + " to " + to);
        }
    }

    /** One client, ten transactions in January 2025: for smoke tests. */
    public static PracticeSpec tiny() {
        return new PracticeSpec(DEFAULT_SEED, 1, 10, LocalDate.of(2025, 1, 1), LocalDate.of(2025, 1, 31));
    }

    /** Five clients (GBP, USD, EUR, JPY, BHD) over two years, 20,000 transactions: for demos and database tests. */
    public static PracticeSpec demo() {
        return new PracticeSpec(DEFAULT_SEED, 5, 20_000, TWO_YEARS_FROM, TWO_YEARS_TO);
    }

    /** 200 clients over two years, 1,000,000 transactions: for load tests and benchmarks. Stream it. */
    public static PracticeSpec large() {
        return new PracticeSpec(DEFAULT_SEED, 200, 1_000_000, TWO_YEARS_FROM, TWO_YEARS_TO);
    }

    public PracticeSpec withSeed(long newSeed) {
        return new PracticeSpec(newSeed, clients, transactions, from, to);
    }

    public PracticeSpec withClients(int newClients) {
        return new PracticeSpec(seed, newClients, transactions, from, to);
    }

    public PracticeSpec withTransactions(long newTransactions) {
        return new PracticeSpec(seed, clients, newTransactions, from, to);
    }

    public PracticeSpec withPeriod(LocalDate newFrom, LocalDate newTo) {
        return new PracticeSpec(seed, clients, transactions, newFrom, newTo);
    }

    /** The number of days in the period, both ends included. */
    public int days() {
        return Math.toIntExact(ChronoUnit.DAYS.between(from, to) + 1);
    }
}
