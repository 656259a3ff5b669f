package app.booksflow.desktop.sync.faults;

import java.time.Duration;
import java.util.Objects;

/**
 * What happens to one exchange. Byte counts include the message head; -1 means no cut. A cut planned after more
 * bytes than the message has falls just before its last byte, so a planned cut always happens.
 */
public record Faults(Duration requestDelay, Duration responseDelay, long cutRequestAfter, long cutResponseAfter,
        Cut cut, Duplicate duplicate) {

    public static final Faults NONE = new Faults(Duration.ZERO, Duration.ZERO, -1, -1, Cut.CLOSE, Duplicate.NONE);

    public Faults {
        Objects.requireNonNull(requestDelay);
        Objects.requireNonNull(responseDelay);
        Objects.requireNonNull(cut);
        Objects.requireNonNull(duplicate);
        if (requestDelay.isNegative() || responseDelay.isNegative() || cutRequestAfter < -1 || cutResponseAfter < -1) {
            throw new IllegalArgumentException("negative delay or cut: " + requestDelay + ", " + responseDelay + ", "
                    + cutRequestAfter + ", " + cutResponseAfter);
        }
    }

    public static Faults none() {
        return NONE;
    }

    public Faults delayRequest(Duration delay) {
        return new Faults(delay, responseDelay, cutRequestAfter, cutResponseAfter, cut, duplicate);
    }

    public Faults delayResponse(Duration delay) {
        return new Faults(requestDelay, delay, cutRequestAfter, cutResponseAfter, cut, duplicate);
    }

    public Faults cutRequestAfter(long bytes, Cut how) {
        return new Faults(requestDelay, responseDelay, bytes, cutResponseAfter, how, duplicate);
    }

    public Faults cutResponseAfter(long bytes, Cut how) {
        return new Faults(requestDelay, responseDelay, cutRequestAfter, bytes, how, duplicate);
    }

    public Faults duplicate(Duplicate when) {
        return new Faults(requestDelay, responseDelay, cutRequestAfter, cutResponseAfter, cut, when);
    }

    public boolean isNone() {
        return equals(NONE);
    }
}
