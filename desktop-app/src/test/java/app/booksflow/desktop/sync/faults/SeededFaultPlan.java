package app.booksflow.desktop.sync.faults;

import java.time.Duration;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;

/**
 * A random plan whose decision for an exchange depends only on the seed and the exchange's sequence number, so a run
 * with the same seed and the same order of requests meets the same faults, whatever was asked before.
 *
 * <p>Each exchange is cut with the probability of a request cut, else of a response cut; the cut falls after a
 * uniform number of bytes up to the bound and is a reset with the given share. Delays and duplicates are drawn
 * independently of cuts (a duplicate of a request that is cut is not replayed).
 */
public final class SeededFaultPlan implements FaultPlan {

    private static final RandomGeneratorFactory<RandomGenerator> GENERATORS =
            RandomGeneratorFactory.of("L64X128MixRandom");

    private final long seed;
    private final double requestCuts;
    private final double responseCuts;
    private final double resets;
    private final long cutBound;
    private final double delays;
    private final Duration delayBound;
    private final double duplicates;
    private final double duplicatesAfterResponse;

    private SeededFaultPlan(Builder b) {
        this.seed = b.seed;
        this.requestCuts = b.requestCuts;
        this.responseCuts = b.responseCuts;
        this.resets = b.resets;
        this.cutBound = b.cutBound;
        this.delays = b.delays;
        this.delayBound = b.delayBound;
        this.duplicates = b.duplicates;
        this.duplicatesAfterResponse = b.duplicatesAfterResponse;
    }

    public static Builder builder(long seed) {
        return new Builder(seed);
    }

    public long seed() {
        return seed;
    }

    @Override
    public Faults decide(Exchange exchange) {
        RandomGenerator random = GENERATORS.create(mix(seed, exchange.sequence()));
        Faults faults = Faults.NONE;
        double cutDraw = random.nextDouble();
        Cut how = random.nextDouble() < resets ? Cut.RESET : Cut.CLOSE;
        long cutAt = random.nextLong(cutBound + 1);
        if (cutDraw < requestCuts) {
            faults = faults.cutRequestAfter(cutAt, how);
        } else if (cutDraw < requestCuts + responseCuts) {
            faults = faults.cutResponseAfter(cutAt, how);
        }
        boolean delayed = random.nextDouble() < delays;
        Duration delay = Duration.ofNanos(random.nextLong(delayBound.toNanos() + 1));
        if (delayed) {
            faults = random.nextBoolean() ? faults.delayRequest(delay) : faults.delayResponse(delay);
        }
        if (random.nextDouble() < duplicates) {
            faults = faults.duplicate(random.nextDouble() < duplicatesAfterResponse
                    ? Duplicate.AFTER_RESPONSE : Duplicate.CONCURRENT);
        }
        return faults;
    }

    /** Spreads neighbouring sequence numbers over the seed space (the finalizer of SplitMix64). */
    private static long mix(long seed, long sequence) {
        long z = seed + (sequence + 1) * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    @Override
    public String toString() {
        return "SeededFaultPlan[seed=" + seed + ", requestCuts=" + requestCuts + ", responseCuts=" + responseCuts
                + ", resets=" + resets + ", cutBound=" + cutBound + ", delays=" + delays + ", delayBound="
                + delayBound + ", duplicates=" + duplicates + "]";
    }

    public static final class Builder {
        private final long seed;
        private double requestCuts;
        private double responseCuts;
        private double resets = 0.5;
        private long cutBound = 1024;
        private double delays;
        private Duration delayBound = Duration.ofMillis(100);
        private double duplicates;
        private double duplicatesAfterResponse = 0.5;

        private Builder(long seed) {
            this.seed = seed;
        }

        /** Probabilities of a cut mid-request and mid-response; together at most 1. */
        public Builder cuts(double midRequest, double midResponse) {
            probability(midRequest);
            probability(midResponse);
            probability(midRequest + midResponse);
            this.requestCuts = midRequest;
            this.responseCuts = midResponse;
            return this;
        }

        /** Share of the cuts done by a reset rather than a close (default one half). */
        public Builder resets(double share) {
            this.resets = probability(share);
            return this;
        }

        /** Cuts fall after 0 to this many bytes of the message (default 1024). */
        public Builder cutWithin(long bytes) {
            if (bytes < 0) {
                throw new IllegalArgumentException("negative bound: " + bytes);
            }
            this.cutBound = bytes;
            return this;
        }

        /** Probability of a delay of the request or the response, uniform up to the bound. */
        public Builder delays(double probability, Duration bound) {
            if (bound.isNegative()) {
                throw new IllegalArgumentException("negative bound: " + bound);
            }
            this.delays = probability(probability);
            this.delayBound = bound;
            return this;
        }

        /** Probability of a duplicate, and the share of those replayed after the response (default one half). */
        public Builder duplicates(double probability, double afterResponse) {
            this.duplicates = probability(probability);
            this.duplicatesAfterResponse = probability(afterResponse);
            return this;
        }

        public SeededFaultPlan build() {
            return new SeededFaultPlan(this);
        }

        private static double probability(double p) {
            if (!(p >= 0 && p <= 1)) {
                throw new IllegalArgumentException("not a probability: " + p);
            }
            return p;
        }
    }
}
