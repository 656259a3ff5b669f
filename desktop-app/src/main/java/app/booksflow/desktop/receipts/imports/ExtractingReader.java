package app.booksflow.desktop.receipts.imports;

import app.booksflow.desktop.ledger.VendorRuleService;
import app.booksflow.desktop.ocr.OcrOutcome;
import app.booksflow.desktop.ocr.extract.Extraction;
import app.booksflow.desktop.ocr.extract.ExtractionContext;
import app.booksflow.desktop.ocr.extract.FieldExtractor;
import app.booksflow.desktop.ocr.extract.ReceiptText;
import app.booksflow.model.id.ClientId;
import app.booksflow.model.receipt.Confidence;
import app.booksflow.model.receipt.Extracted;
import app.booksflow.model.receipt.ExtractedFields;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Currency;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The import's reader in the app: the fields from {@link FieldExtractor}, with the client's vendor rules
 * (the names the accountant corrected before, and the category the vendor's last receipt was booked to). A receipt is done without review only when its vendor,
 * date and total were all found and none of them, nor the tax or a foreign currency, is below
 * {@link #REVIEW_BELOW}; anything else goes to Needs review.
 */
public final class ExtractingReader implements ReceiptReader {

    /** Fields read with less confidence than this send the receipt to review (ADR 0020 on the scale). */
    public static final Confidence REVIEW_BELOW = new Confidence(80);

    private final VendorRuleService vendorRules;
    private final Clock clock;

    public ExtractingReader(VendorRuleService vendorRules, Clock clock) {
        this.vendorRules = Objects.requireNonNull(vendorRules);
        this.clock = Objects.requireNonNull(clock);
    }

    @Override
    public Reading read(OcrOutcome.Read read, ClientId client, Locale locale, Currency baseCurrency) {
        ExtractionContext context = ExtractionContext.of(locale, LocalDate.now(clock))
                .withClientCurrency(baseCurrency)
                .withVendorRules(vendorRules.rules(client));
        Extraction extraction = FieldExtractor.extract(ReceiptText.of(read), context);
        ExtractedFields fields = extraction.fields();
        return new Reading(fields, needsReview(fields, baseCurrency), extraction.suggestedAccount());
    }

    /**
     * True unless vendor, date and total were found and they, and the tax when found, are sure enough.
     * The currency counts only when it is not the client's own: a receipt that prints no currency is in
     * the client's (the extractor then says so with a low confidence), which needs no second look.
     */
    static boolean needsReview(ExtractedFields fields, Currency baseCurrency) {
        boolean essentialsFound = Stream.<Optional<? extends Extracted<?>>>of(fields.vendor(), fields.date(), fields.total())
                .allMatch(Optional::isPresent);
        boolean foreign = fields.currency().map(currency -> !currency.value().equals(baseCurrency)).orElse(false);
        return !essentialsFound
                || Stream.of(fields.vendor(), fields.date(), fields.total(), fields.tax(), foreign ? fields.currency() : Optional.empty())
                        .flatMap(Optional::stream)
                        .anyMatch(field -> ((Extracted<?>) field).confidence().isBelow(REVIEW_BELOW));
    }
}
