package app.booksflow.model.receipt;

import app.booksflow.model.DomainError;
import app.booksflow.model.DomainException;

/** How sure the reader of a receipt is of a field, in whole percent. */
public record Confidence(int percent) implements Comparable<Confidence> {

    public static final Confidence NONE = new Confidence(0);
    public static final Confidence CERTAIN = new Confidence(100);

    public Confidence {
        if (percent < 0 || percent > 100) {
            throw new DomainException(DomainError.OUT_OF_RANGE, "A confidence is between 0 and 100 %; got " + percent + ".");
        }
    }

    public boolean isBelow(Confidence threshold) {
        return percent < threshold.percent;
    }

    @Override
    public int compareTo(Confidence other) {
        return Integer.compare(percent, other.percent);
    }
}
