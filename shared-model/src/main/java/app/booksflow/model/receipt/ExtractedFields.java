package app.booksflow.model.receipt;

import app.booksflow.model.Checks;
import app.booksflow.model.DomainError;
import app.booksflow.model.DomainException;
import app.booksflow.model.money.Money;
import java.time.LocalDate;
import java.util.Currency;
import java.util.Optional;
import java.util.stream.Stream;

/** What was read from a receipt; each field may be missing and each carries its own confidence. */
public record ExtractedFields(Optional<Extracted<String>> vendor, Optional<Extracted<LocalDate>> date,
        Optional<Extracted<Money>> total, Optional<Extracted<Money>> tax, Optional<Extracted<Currency>> currency) {

    public static final ExtractedFields NONE =
            new ExtractedFields(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

    public ExtractedFields {
        Checks.required(vendor, "The vendor");
        Checks.required(date, "The date");
        Checks.required(total, "The total");
        Checks.required(tax, "The tax");
        Checks.required(currency, "The currency");
        if (total.isPresent() && tax.isPresent() && !total.get().value().isSameCurrency(tax.get().value())) {
            throw new DomainException(DomainError.CURRENCY_MISMATCH, "The tax and the total of a receipt are in different currencies.");
        }
    }

    /** The least sure of the fields that were found, or none when nothing was found. */
    public Optional<Confidence> lowestConfidence() {
        return Stream.of(vendor, date, total, tax, currency)
                .flatMap(Optional::stream)
                .map(Extracted::confidence)
                .min(Confidence::compareTo);
    }
}
