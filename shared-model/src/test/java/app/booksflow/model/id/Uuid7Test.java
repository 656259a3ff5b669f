package app.booksflow.model.id;

import static org.assertj.core.api.Assertions.assertThat;

import app.booksflow.model.DomainError;
import app.booksflow.model.DomainException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

class Uuid7Test {

    @Test
    void createsVersion7IdsWithTheCreationTime() {
        Instant now = Instant.parse("2025-01-15T10:15:30.123Z");
        UUID id = new Uuid7(Clock.fixed(now, ZoneOffset.UTC), new SplittableRandom(1)).generate();

        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(Uuid7.timestampOf(id)).isEqualTo(now);
    }

    @Test
    void idsOfOneGeneratorStrictlyIncreaseEvenWithinOneMillisecond() {
        Uuid7 generator = new Uuid7(Clock.fixed(Instant.parse("2025-01-15T10:15:30Z"), ZoneOffset.UTC), new SplittableRandom(7));
        UUID previous = generator.generate();
        Set<UUID> seen = new HashSet<>();

        for (int i = 0; i < 20_000; i++) { // far more than the 4,096 the counter holds per millisecond
            UUID next = generator.generate();
            assertThat(compareUnsigned(next, previous)).isPositive();
            assertThat(seen.add(next)).isTrue();
            previous = next;
        }
    }

    @Test
    void aClockThatGoesBackDoesNotMakeIdsGoBack() {
        MutableClock clock = new MutableClock(Instant.parse("2025-01-15T10:15:30Z"));
        Uuid7 generator = new Uuid7(clock, new SplittableRandom(3));
        UUID before = generator.generate();

        clock.now = clock.now.minusSeconds(3600);
        UUID after = generator.generate();

        assertThat(compareUnsigned(after, before)).isPositive();
    }

    @Test
    void typedIdsParseAndExplainBadInput() {
        UUID value = Uuid7.next();

        assertThat(EntityId.parse(" " + value + " ", ClientId::new)).isEqualTo(new ClientId(value));
        Assertions.assertThatThrownBy(() -> EntityId.parse("client-42", ClientId::new))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.error()).isEqualTo(DomainError.INVALID_FORMAT);
                    assertThat(e.getMessage()).contains("client-42");
                });
    }

    /** Ids are compared as unsigned 128-bit numbers, as databases order them. */
    private static int compareUnsigned(UUID a, UUID b) {
        int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
        return high != 0 ? high : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
    }

    private static final class MutableClock extends Clock {
        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
