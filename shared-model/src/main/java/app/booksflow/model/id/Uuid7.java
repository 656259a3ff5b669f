package app.booksflow.model.id;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import java.util.random.RandomGenerator;

/**
 * Time-ordered UUIDs (version 7, RFC 9562) so that any device can create ids offline and ids still
 * sort roughly by creation time, which keeps B-tree indexes compact on both H2 and PostgreSQL.
 *
 * <p>Within one generator ids are strictly increasing: the 12 bits after the millisecond timestamp
 * are a counter (RFC 9562 section 6.2, method 1) that starts at a random value each millisecond; when
 * it runs out, the timestamp is advanced by one millisecond rather than repeating or going back. A
 * clock that moves backwards is ignored for the same reason.
 */
public final class Uuid7 {

    private static final Uuid7 DEFAULT = new Uuid7(Clock.systemUTC(), new SecureRandom());
    private static final int COUNTER_BITS = 12;
    private static final int COUNTER_MAX = (1 << COUNTER_BITS) - 1;

    private final Clock clock;
    private final RandomGenerator random;
    private long lastMillis = -1;
    private int counter;

    /** A generator with its own clock and randomness, for deterministic test data. */
    public Uuid7(Clock clock, RandomGenerator random) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
    }

    /** A new id from the process-wide generator (system clock, secure randomness). */
    public static UUID next() {
        return DEFAULT.generate();
    }

    public synchronized UUID generate() {
        long now = clock.millis();
        if (now > lastMillis) {
            lastMillis = now;
            // Start below the middle so that many ids fit into one millisecond.
            counter = random.nextInt(COUNTER_MAX / 2);
        } else if (counter < COUNTER_MAX) {
            counter++;
        } else {
            lastMillis++;
            counter = random.nextInt(COUNTER_MAX / 2);
        }
        return build(lastMillis, counter, random.nextLong());
    }

    /** The creation time encoded in a version 7 id. */
    public static Instant timestampOf(UUID id) {
        if (id.version() != 7) {
            throw new IllegalArgumentException(id + " is not a version 7 UUID");
        }
        return Instant.ofEpochMilli(id.getMostSignificantBits() >>> 16);
    }

    static UUID build(long epochMillis, int counter, long randomBits) {
        if (epochMillis < 0 || epochMillis >= (1L << 48)) {
            throw new IllegalArgumentException("timestamp out of the 48-bit range: " + epochMillis);
        }
        long msb = (epochMillis << 16) | (0x7L << 12) | (counter & COUNTER_MAX);
        long lsb = (randomBits & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L; // variant 10
        return new UUID(msb, lsb);
    }
}
