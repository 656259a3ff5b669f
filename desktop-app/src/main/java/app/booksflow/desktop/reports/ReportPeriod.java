package app.booksflow.desktop.reports;

import app.booksflow.model.DomainError;
import app.booksflow.model.DomainException;
import java.time.LocalDate;
import java.util.Objects;

/** The days a report covers, both ends included. */
public record ReportPeriod(LocalDate from, LocalDate to) {

    public ReportPeriod {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new DomainException(DomainError.OUT_OF_RANGE, "A report period cannot end (" + to
                    + ") before it starts (" + from + ").");
        }
    }

    @Override
    public String toString() {
        return from + " to " + to;
    }
}
