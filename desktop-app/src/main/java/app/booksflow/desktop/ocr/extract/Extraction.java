package app.booksflow.desktop.ocr.extract;

import app.booksflow.model.id.AccountId;
import app.booksflow.model.money.Money;
import app.booksflow.model.receipt.Extracted;
import app.booksflow.model.receipt.ExtractedFields;
import java.time.LocalDate;
import java.util.Currency;
import java.util.Objects;
import java.util.Optional;

/**
 * The fields read from one receipt, each with its confidence (0-100), the category a vendor rule
 * suggests, and the text they were read from.
 */
public record Extraction(Optional<Extracted<String>> vendor, Optional<Extracted<LocalDate>> date,
        Optional<Extracted<Money>> total, Optional<Extracted<Money>> tax, Optional<Extracted<Currency>> currency,
        Optional<AccountId> suggestedAccount, String rawText) {

    public Extraction {
        Objects.requireNonNull(vendor, "vendor");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(total, "total");
        Objects.requireNonNull(tax, "tax");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(suggestedAccount, "suggestedAccount");
        Objects.requireNonNull(rawText, "rawText");
    }

    /** The fields as a receipt keeps them. */
    public ExtractedFields fields() {
        return new ExtractedFields(vendor, date, total, tax, currency);
    }
}
