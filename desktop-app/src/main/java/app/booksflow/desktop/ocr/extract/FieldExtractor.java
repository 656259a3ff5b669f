package app.booksflow.desktop.ocr.extract;

import app.booksflow.model.id.AccountId;
import app.booksflow.model.money.Money;
import app.booksflow.model.receipt.Extracted;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

/**
 * Reads vendor, date, total, tax and currency from a receipt's text (ADR 0020). Pure and thread-safe:
 * no I/O, no state; the context brings the client's locale, currency, reference day and vendor rules.
 */
public final class FieldExtractor {

    /** A vendor named by the accountant is as sure as a field gets without their review. */
    static final int RULE_CONFIDENCE = 97;
    /** Below this OCR confidence the text itself is doubtful, and every field with it. */
    private static final double TRUSTED_OCR = 85;

    private FieldExtractor() {
    }

    public static Extraction extract(ReceiptText receipt, ExtractionContext context) {
        List<String> lines = receipt.lines();
        String text = String.join("\n", lines);
        Optional<Extracted<Currency>> currency = CurrencyReader.read(text, context.locale(), context.clientCurrency());
        Optional<Extracted<Money>> total = Optional.empty();
        Optional<Extracted<Money>> tax = Optional.empty();
        if (currency.isPresent()) {
            TotalReader.Result amounts = TotalReader.read(lines, currency.get().value());
            total = amounts.total();
            tax = amounts.tax();
        }
        Optional<Extracted<LocalDate>> date = DateReader.read(lines, context.locale(), context.today());
        Optional<Extracted<String>> vendor = VendorReader.read(lines);
        Optional<AccountId> account = Optional.empty();
        Optional<VendorRule> rule = vendor.flatMap(v -> VendorKey.of(v.value())).flatMap(context.vendorRules()::find);
        if (rule.isPresent()) {
            vendor = Optional.of(Extracted.of(rule.get().name(), RULE_CONFIDENCE));
            account = rule.get().account();
        }
        double factor = receipt.ocrConfidence().isPresent()
                ? Math.clamp(receipt.ocrConfidence().getAsDouble() / TRUSTED_OCR, 0.5, 1.0) : 1.0;
        return new Extraction(rule.isPresent() ? vendor : scaled(vendor, factor), scaled(date, factor),
                scaled(total, factor), scaled(tax, factor), scaled(currency, factor), account, receipt.text());
    }

    private static <T> Optional<Extracted<T>> scaled(Optional<Extracted<T>> field, double factor) {
        return field.map(f -> Extracted.of(f.value(), (int) Math.round(f.confidence().percent() * factor)));
    }
}
