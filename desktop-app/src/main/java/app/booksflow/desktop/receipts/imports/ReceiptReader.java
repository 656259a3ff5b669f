package app.booksflow.desktop.receipts.imports;

import app.booksflow.desktop.ocr.OcrOutcome;
import app.booksflow.model.receipt.ExtractedFields;
import java.util.Currency;
import java.util.Locale;

/**
 * Turns what OCR read into the receipt's fields (vendor, date, total, tax, currency). The import calls it
 * for every file it read; the field extraction plugs in here. Until then {@link #NOTHING} fills no field,
 * and every imported receipt goes to review with its raw text kept.
 */
@FunctionalInterface
public interface ReceiptReader {

    /** The fields, and whether the accountant should check them before the receipt counts as done. */
    record Reading(ExtractedFields fields, boolean needsReview) {
    }

    /**
     * @param locale       the user's formats, to tell 03/04 apart
     * @param baseCurrency the client's currency, for amounts without a symbol
     */
    Reading read(OcrOutcome.Read read, Locale locale, Currency baseCurrency);

    /** Reads no field: each receipt needs review. */
    ReceiptReader NOTHING = (read, locale, baseCurrency) -> new Reading(ExtractedFields.NONE, true);
}
