package app.booksflow.testdata;

import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;

/**
 * Gives every client and every concern its own random stream, derived from the master seed alone.
 * That is what lets clients be generated in any order or in parallel with identical results, and
 * keeps a change in how receipts are drawn from shifting the amount of every later transaction.
 */
final class Seeds {

    /**
     * Named LXM algorithms are specified down to the bit, so a seed gives the same numbers on every
     * JDK and CPU; the legacy {@code Random} and the default generator promise no such thing.
     */
    private static final RandomGeneratorFactory<RandomGenerator> ALGORITHM =
            RandomGeneratorFactory.of("L64X128MixRandom");

    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    /** The concerns that draw random numbers. The numbers are part of the output: never reuse or renumber one. */
    enum Purpose {
        PRACTICE(1), CLIENT_SETUP(2), SETUP_IDS(3), RECURRING(4), EVENTS(5), BOOKINGS(6), RECEIPTS(7),
        TRANSACTION_IDS(8), RECEIPT_IDS(9);

        private final long number;

        Purpose(long number) {
            this.number = number;
        }
    }

    private Seeds() {
    }

    /** The stream of one concern of the practice as a whole. */
    static RandomGenerator practice(long master, Purpose purpose) {
        return ALGORITHM.create(derive(master, -1, purpose));
    }

    /** The stream of one concern of the client at this index. */
    static RandomGenerator client(long master, int clientIndex, Purpose purpose) {
        return ALGORITHM.create(derive(master, clientIndex, purpose));
    }

    static long derive(long master, int clientIndex, Purpose purpose) {
        long h = mix(master);
        h = mix(h + GOLDEN_GAMMA * (clientIndex + 2L));
        return mix(h + GOLDEN_GAMMA * purpose.number);
    }

    /** The SplitMix64 finalizer: nearby inputs (seed 1 and seed 2) give unrelated outputs. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
