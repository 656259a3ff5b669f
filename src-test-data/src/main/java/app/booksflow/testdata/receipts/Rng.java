package app.booksflow.testdata.receipts;

import java.util.List;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;

/**
 * The seeded random streams of one receipt. Each receipt and each concern (content, looks,
 * degradation, file) has its own stream derived from the master seed and the receipt's index, so
 * receipts can be made in any order or in parallel, and changing the degradation mix leaves the
 * content of every receipt as it was.
 */
final class Rng {

    /** Specified down to the bit, like the practice generator's streams. */
    private static final RandomGeneratorFactory<RandomGenerator> ALGORITHM =
            RandomGeneratorFactory.of("L64X128MixRandom");
    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    /** The concerns of a receipt. The numbers are part of the output: never reuse or renumber one. */
    enum Stream {
        CONTENT(1), LOOKS(2), DEGRADATION(3), FORMAT(4), PIXELS(5);

        private final long number;

        Stream(long number) {
            this.number = number;
        }
    }

    private final RandomGenerator random;

    private Rng(RandomGenerator random) {
        this.random = random;
    }

    static Rng of(long seed, int index, Stream stream) {
        long h = mix(seed ^ 0x5245434549505453L); // "RECEIPTS": not the streams of the practice generator
        h = mix(h + GOLDEN_GAMMA * (index + 1L));
        return new Rng(ALGORITHM.create(mix(h + GOLDEN_GAMMA * stream.number)));
    }

    /** The SplitMix64 finalizer. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    double uniform() {
        return random.nextDouble();
    }

    double uniform(double from, double to) {
        return from + (to - from) * random.nextDouble();
    }

    boolean chance(double probability) {
        return random.nextDouble() < probability;
    }

    /** A whole number from {@code from} to {@code to}, both included. */
    int between(int from, int to) {
        return from + random.nextInt(to - from + 1);
    }

    long nextLong() {
        return random.nextLong();
    }

    <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    @SafeVarargs
    final <T> T pick(T... values) {
        return values[random.nextInt(values.length)];
    }

    /** A digit string of this length, e.g. for card endings and receipt numbers. */
    String digits(int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append((char) ('0' + random.nextInt(10)));
        }
        return out.toString();
    }
}
