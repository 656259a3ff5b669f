package app.booksflow.desktop.receipts.imports;

import app.booksflow.desktop.ocr.OcrOutcome;
import app.booksflow.model.id.AccountId;
import app.booksflow.model.id.ClientId;
import app.booksflow.model.receipt.ExtractedFields;
import java.util.Currency;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Turns what OCR read into the receipt's fields (vendor, date, total, tax, currency) and category. The import calls it
 * for every file it read: {@link ExtractingReader} in the app, {@link #NOTHING} where only the import
 * itself is tested (every receipt then goes to review with its raw text kept).
 */
@FunctionalInterface
public interface ReceiptReader {

    /**
     * The fields, whether the accountant should check them before the receipt counts as done, and the
     * category (the client's account) the vendor rule of the receipt's vendor brings, if any.
     */
    record Reading(ExtractedFields fields, boolean needsReview, Optional<AccountId> category) {

        public Reading {
            Objects.requireNonNull(fields, "fields");
            Objects.requireNonNull(category, "category");
        }

        public Reading(ExtractedFields fields, boolean needsReview) {
            this(fields, needsReview, Optional.empty());
        }
    }

    /**
     * @param client       whose receipt it is (the vendor names the accountant corrected are per client)
     * @param locale       the user's formats, to tell 03/04 apart
     * @param baseCurrency the client's currency, for amounts without a symbol
     */
    Reading read(OcrOutcome.Read read, ClientId client, Locale locale, Currency baseCurrency);

    /** Reads no field: each receipt needs review. */
    ReceiptReader NOTHING = (read, client, locale, baseCurrency) -> new Reading(ExtractedFields.NONE, true);
}
