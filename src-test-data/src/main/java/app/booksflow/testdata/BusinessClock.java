package app.booksflow.testdata;

import app.booksflow.model.id.Uuid7;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.random.RandomGenerator;

/**
 * Version 7 ids whose timestamps are the generated business times, never the wall clock: the same
 * seed must give the same ids tomorrow, and ids must sort like the transactions they name.
 */
final class BusinessClock extends Clock {

    private final RandomGenerator random;
    private final Uuid7 uuids;
    private long millis;

    BusinessClock(RandomGenerator random, long startMillis) {
        this.random = random;
        this.uuids = new Uuid7(this, random);
        this.millis = startMillis;
    }

    /** A new id stamped with the given time. Uuid7 keeps ids increasing if the time goes back. */
    UUID idAt(long epochMillis) {
        millis = epochMillis;
        return uuids.generate();
    }

    /**
     * A new id stamped with exactly the given time, for things that do not arrive in the order they
     * are generated (receipts come in hours or days after their purchase). Without the monotonic
     * counter such ids need not increase; 74 random bits keep them unique.
     */
    UUID unorderedIdAt(long epochMillis) {
        millis = epochMillis;
        return new Uuid7(this, random).generate();
    }

    /** A new id stamped a little after the previous one, for things created together. */
    UUID next() {
        return idAt(millis);
    }

    @Override
    public long millis() {
        return millis;
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(millis);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("a business clock only ticks in UTC");
    }
}
