package app.booksflow.model.practice;

import app.booksflow.model.Checks;
import app.booksflow.model.DomainError;
import app.booksflow.model.DomainException;
import app.booksflow.model.id.ClientId;
import app.booksflow.model.id.OrganizationId;
import app.booksflow.model.money.Currencies;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Currency;
import java.util.Optional;

/**
 * A business whose books the practice keeps. Everything on or before the closing date is a closed
 * period: posted history that neither sync nor a person may change; corrections go into an open period.
 */
public record Client(ClientId id, OrganizationId organization, String name, Currency baseCurrency,
        MonthDay fiscalYearStart, Optional<LocalDate> closingDate) {

    public Client {
        Checks.required(id, "The client id");
        Checks.required(organization, "The client's practice");
        name = Checks.requiredText(name, "The client name", 200);
        Currencies.requireBookable(baseCurrency);
        Checks.required(fiscalYearStart, "The start of the fiscal year");
        if (fiscalYearStart.getMonthValue() == 2 && fiscalYearStart.getDayOfMonth() == 29) {
            throw new DomainException(DomainError.OUT_OF_RANGE,
                    "A fiscal year cannot start on 29 February; choose 1 March or 28 February.");
        }
        Checks.required(closingDate, "The closing date");
    }

    /** True when the date falls in a closed period (on or before the closing date). */
    public boolean isClosed(LocalDate date) {
        return closingDate.map(closing -> !date.isAfter(closing)).orElse(false);
    }

    /** Refuses a change dated in a closed period, naming the closing date. */
    public void requireOpen(LocalDate date) {
        if (isClosed(date)) {
            throw new DomainException(DomainError.PERIOD_CLOSED, "The books of " + name + " are closed up to "
                    + closingDate.orElseThrow() + "; " + date + " cannot be changed. Book a correction in an open period.");
        }
    }

    /** The first day of the fiscal year that contains the date. */
    public LocalDate fiscalYearStartFor(LocalDate date) {
        LocalDate start = fiscalYearStart.atYear(date.getYear());
        return start.isAfter(date) ? start.minusYears(1) : start;
    }

    public Client withClosingDate(LocalDate newClosingDate) {
        return new Client(id, organization, name, baseCurrency, fiscalYearStart, Optional.ofNullable(newClosingDate));
    }
}
