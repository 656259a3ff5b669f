package app.booksflow.testdata;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The random choices a generator makes. Transcendental functions come from {@link StrictMath}:
 * {@code Math.log} may use CPU intrinsics that differ in the last bit, and one bit is enough to round
 * an amount the other way on another machine.
 */
final class Draws {

    private final RandomGenerator random;

    Draws(RandomGenerator random) {
        this.random = random;
    }

    /** Uniform in [0, 1). */
    double uniform() {
        return random.nextDouble();
    }

    boolean chance(double probability) {
        return random.nextDouble() < probability;
    }

    /** Uniform between the bounds, both included. */
    int between(int lowest, int highest) {
        return lowest + random.nextInt(highest - lowest + 1);
    }

    long below(long bound) {
        return random.nextLong(bound);
    }

    long nextLong() {
        return random.nextLong();
    }

    /** A standard normal value by Box-Muller, written out so that it cannot change with the JDK. */
    double gaussian() {
        double u = 1.0 - random.nextDouble(); // (0, 1], so the logarithm is finite
        double v = random.nextDouble();
        return StrictMath.sqrt(-2.0 * StrictMath.log(u)) * StrictMath.cos(2.0 * StrictMath.PI * v);
    }

    /** Log-normal around the median: prices are skewed, with a long tail of large ones. */
    double logNormal(double median, double spread) {
        return median * StrictMath.exp(spread * gaussian());
    }

    <T> T pick(List<T> options) {
        return options.get(random.nextInt(options.size()));
    }

    /** Prefers the first entries: the favourite café, the big customer. The list order is the preference. */
    <T> T pickFavourite(List<T> options) {
        double u = random.nextDouble();
        return options.get((int) (u * u * options.size()));
    }

    /** The index of a weight, chosen in proportion to it. */
    int weighted(double[] weights, int count, double weightSum) {
        double target = random.nextDouble() * weightSum;
        for (int i = 0; i < count - 1; i++) {
            target -= weights[i];
            if (target < 0) {
                return i;
            }
        }
        return count - 1;
    }

    /** A shuffled copy, so that two clients in the same town do not share the same favourite vendors. */
    <T> List<T> shuffled(List<T> options) {
        List<T> copy = new ArrayList<>(options);
        for (int i = copy.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            T swap = copy.get(i);
            copy.set(i, copy.get(j));
            copy.set(j, swap);
        }
        return List.copyOf(copy);
    }
}
