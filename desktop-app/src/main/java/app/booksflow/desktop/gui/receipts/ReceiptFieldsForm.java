package app.booksflow.desktop.gui.receipts;

import app.booksflow.model.DomainException;
import app.booksflow.model.id.AccountId;
import app.booksflow.model.ledger.Account;
import app.booksflow.model.money.Currencies;
import app.booksflow.model.money.Money;
import app.booksflow.model.money.MoneyFormat;
import app.booksflow.model.receipt.Confidence;
import app.booksflow.model.receipt.Extracted;
import app.booksflow.model.receipt.ExtractedFields;
import app.booksflow.model.receipt.Receipt;
import java.time.LocalDate;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.FormatStyle;
import java.time.format.ResolverStyle;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The fields of one receipt as the user edits them: vendor, date, total, tax and currency as typed,
 * each with its validation message and the confidence it was read with, and the category chosen among
 * the client's accounts (not read by OCR, so it has no confidence). Amounts and dates are read
 * in the user's locale; an empty field means "not on the receipt".
 */
public final class ReceiptFieldsForm {

    private final StringProperty vendor = new SimpleStringProperty(this, "vendor", "");
    private final StringProperty date = new SimpleStringProperty(this, "date", "");
    private final StringProperty total = new SimpleStringProperty(this, "total", "");
    private final StringProperty tax = new SimpleStringProperty(this, "tax", "");
    private final StringProperty currency = new SimpleStringProperty(this, "currency", "");
    private final ReadOnlyStringWrapper vendorError = new ReadOnlyStringWrapper(this, "vendorError", "");
    private final ReadOnlyStringWrapper dateError = new ReadOnlyStringWrapper(this, "dateError", "");
    private final ReadOnlyStringWrapper totalError = new ReadOnlyStringWrapper(this, "totalError", "");
    private final ReadOnlyStringWrapper taxError = new ReadOnlyStringWrapper(this, "taxError", "");
    private final ReadOnlyStringWrapper currencyError = new ReadOnlyStringWrapper(this, "currencyError", "");
    private final ReadOnlyStringWrapper vendorConfidence = new ReadOnlyStringWrapper(this, "vendorConfidence", "");
    private final ReadOnlyStringWrapper dateConfidence = new ReadOnlyStringWrapper(this, "dateConfidence", "");
    private final ReadOnlyStringWrapper totalConfidence = new ReadOnlyStringWrapper(this, "totalConfidence", "");
    private final ReadOnlyStringWrapper taxConfidence = new ReadOnlyStringWrapper(this, "taxConfidence", "");
    private final ReadOnlyStringWrapper currencyConfidence = new ReadOnlyStringWrapper(this, "currencyConfidence", "");

    /** The client's accounts a receipt can be booked to, "No category" first. */
    private final ObservableList<CategoryChoice> categories =
            FXCollections.observableArrayList(List.of(CategoryChoice.NONE));
    private final ObjectProperty<CategoryChoice> category = new SimpleObjectProperty<>(this, "category",
            CategoryChoice.NONE);
    private final ReadOnlyStringWrapper categoryNote = new ReadOnlyStringWrapper(this, "categoryNote", "");

    private Locale locale = Locale.getDefault();
    private Currency fallbackCurrency = Currency.getInstance("EUR");

    /** The client's accounts to choose a category from. */
    void accounts(List<Account> accounts) {
        Optional<AccountId> chosen = chosenCategory();
        categories.setAll(CategoryChoice.of(accounts));
        category.set(choiceFor(chosen));
    }

    private CategoryChoice choiceFor(Optional<AccountId> account) {
        return account.flatMap(id -> categories.stream().filter(choice -> choice.id().equals(account)).findFirst())
                .orElse(CategoryChoice.NONE);
    }

    /**
     * Fills the form from the receipt and its category; amounts without a currency field are in
     * {@code baseCurrency}.
     */
    void load(Receipt receipt, Optional<AccountId> receiptCategory, Currency baseCurrency, Locale shownIn) {
        category.set(choiceFor(receiptCategory));
        categoryNote.set(receiptCategory.isPresent() && category.get() == CategoryChoice.NONE
                ? "The category is an account not listed here; choose one again." : "");
        locale = shownIn;
        fallbackCurrency = baseCurrency;
        ExtractedFields fields = receipt.fields();
        MoneyFormat money = MoneyFormat.of(locale);
        vendor.set(fields.vendor().map(Extracted::value).orElse(""));
        date.set(fields.date().map(Extracted::value).map(day -> dateFormat(locale).format(day)).orElse(""));
        total.set(fields.total().map(Extracted::value).map(money::formatAmount).orElse(""));
        tax.set(fields.tax().map(Extracted::value).map(money::formatAmount).orElse(""));
        currency.set(fields.currency().map(e -> e.value().getCurrencyCode())
                .or(() -> fields.total().or(fields::tax).map(e -> e.value().currency().getCurrencyCode())).orElse(""));
        vendorConfidence.set(confidence(fields.vendor()));
        dateConfidence.set(confidence(fields.date()));
        totalConfidence.set(confidence(fields.total()));
        taxConfidence.set(confidence(fields.tax()));
        currencyConfidence.set(confidence(fields.currency()));
        List.of(vendorError, dateError, totalError, taxError, currencyError).forEach(error -> error.set(""));
    }

    void clear() {
        List.of(vendor, date, total, tax, currency).forEach(field -> field.set(""));
        category.set(CategoryChoice.NONE);
        categoryNote.set("");
        List.of(vendorError, dateError, totalError, taxError, currencyError, vendorConfidence, dateConfidence,
                totalConfidence, taxConfidence, currencyConfidence).forEach(text -> text.set(""));
    }

    private static String confidence(Optional<? extends Extracted<?>> field) {
        return field.map(Extracted::confidence).map(c -> c.equals(Confidence.CERTAIN) ? "confirmed"
                : "read with " + c.percent() + " % confidence").orElse("");
    }

    /** The short date of the locale with the full year: 15/06/2025 rather than 15/06/25; no 31 February. */
    static DateTimeFormatter dateFormat(Locale locale) {
        return strict(FormatStyle.SHORT, locale);
    }

    private static DateTimeFormatter strict(FormatStyle style, Locale locale) {
        String pattern = DateTimeFormatterBuilder.getLocalizedDateTimePattern(style, null, IsoChronology.INSTANCE, locale);
        if (!pattern.contains("yyy")) {
            pattern = pattern.replace("yy", "y");
        }
        // The proleptic year ('u') rather than the year of era ('y'), which strict resolving cannot use without an era.
        return DateTimeFormatter.ofPattern(pattern.replace('y', 'u'), locale).withResolverStyle(ResolverStyle.STRICT);
    }

    /** The fields as typed, every one confirmed; empty, with a message next to each bad field, if any is wrong. */
    Optional<ExtractedFields> validate() {
        boolean valid = true;
        String vendorText = vendor.get() == null ? "" : vendor.get().strip();
        vendorError.set(vendorText.length() > 200 ? "A vendor name has at most 200 characters." : "");
        valid &= vendorError.get().isEmpty();

        Optional<LocalDate> day = Optional.empty();
        dateError.set("");
        String dateText = text(date);
        if (!dateText.isEmpty()) {
            day = parseDate(dateText);
            if (day.isEmpty()) {
                dateError.set("Not a date; type it as " + dateFormat(locale).format(LocalDate.of(2025, 6, 15))
                        + " or 2025-06-15.");
                valid = false;
            }
        }

        Optional<Currency> code = Optional.empty();
        currencyError.set("");
        String currencyText = text(currency).toUpperCase(Locale.ROOT);
        if (!currencyText.isEmpty()) {
            try {
                code = Optional.of(Currencies.requireBookable(Currency.getInstance(currencyText)));
            } catch (IllegalArgumentException e) {
                currencyError.set("Not a currency code; type three letters such as GBP or EUR.");
                valid = false;
            }
        }
        Currency amounts = code.orElse(fallbackCurrency);
        Optional<Money> totalMoney = amount(total, totalError, amounts);
        Optional<Money> taxMoney = amount(tax, taxError, amounts);
        valid &= totalError.get().isEmpty() && taxError.get().isEmpty();
        if (valid && totalMoney.isPresent() && taxMoney.isPresent()
                && taxMoney.get().abs().compareTo(totalMoney.get().abs()) > 0) {
            taxError.set("The tax is more than the total.");
            valid = false;
        }
        if (!valid) {
            return Optional.empty();
        }
        Optional<String> vendorValue = vendorText.isEmpty() ? Optional.empty() : Optional.of(vendorText);
        return Optional.of(new ExtractedFields(certain(vendorValue), certain(day), certain(totalMoney), certain(taxMoney),
                certain(code)));
    }

    private Optional<LocalDate> parseDate(String text) {
        for (DateTimeFormatter format : List.of(dateFormat(locale), DateTimeFormatter.ISO_LOCAL_DATE,
                strict(FormatStyle.MEDIUM, locale))) {
            try {
                return Optional.of(LocalDate.parse(text, format));
            } catch (DateTimeParseException e) {
                // try the next way of writing a date
            }
        }
        return Optional.empty();
    }

    private Optional<Money> amount(StringProperty field, ReadOnlyStringWrapper error, Currency in) {
        error.set("");
        String text = text(field);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(MoneyFormat.of(locale).parse(text, in));
        } catch (DomainException e) {
            error.set(e.getMessage());
            return Optional.empty();
        }
    }

    private static String text(StringProperty field) {
        return field.get() == null ? "" : field.get().strip();
    }

    private static <T> Optional<Extracted<T>> certain(Optional<T> value) {
        return value.map(v -> new Extracted<>(v, Confidence.CERTAIN));
    }

    /** The account chosen, or empty for "No category". */
    Optional<AccountId> chosenCategory() {
        return category.get() == null ? Optional.empty() : category.get().id();
    }

    public ObservableList<CategoryChoice> categories() {
        return categories;
    }

    /** Never null once set through the view: clearing the choice means "No category". */
    public ObjectProperty<CategoryChoice> categoryProperty() {
        return category;
    }

    public ReadOnlyStringProperty categoryNoteProperty() {
        return categoryNote.getReadOnlyProperty();
    }

    public StringProperty vendorProperty() {
        return vendor;
    }

    public StringProperty dateProperty() {
        return date;
    }

    public StringProperty totalProperty() {
        return total;
    }

    public StringProperty taxProperty() {
        return tax;
    }

    public StringProperty currencyProperty() {
        return currency;
    }

    public ReadOnlyStringProperty vendorErrorProperty() {
        return vendorError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty dateErrorProperty() {
        return dateError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty totalErrorProperty() {
        return totalError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty taxErrorProperty() {
        return taxError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty currencyErrorProperty() {
        return currencyError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty vendorConfidenceProperty() {
        return vendorConfidence.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty dateConfidenceProperty() {
        return dateConfidence.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty totalConfidenceProperty() {
        return totalConfidence.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty taxConfidenceProperty() {
        return taxConfidence.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty currencyConfidenceProperty() {
        return currencyConfidence.getReadOnlyProperty();
    }
}
