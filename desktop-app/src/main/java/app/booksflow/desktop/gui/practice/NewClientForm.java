package app.booksflow.desktop.gui.practice;

import app.booksflow.desktop.ledger.NewClient;
import app.booksflow.model.DomainException;
import app.booksflow.model.money.Currencies;
import java.time.Month;
import java.time.MonthDay;
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

/**
 * The fields an accountant fills in to take on a client, each with the message shown next to it when
 * what was typed cannot be used. Typing in a field clears its message.
 */
public final class NewClientForm {

    /** The currencies offered first; any other ISO code can be typed. */
    public static final List<String> COMMON_CURRENCIES = List.of("GBP", "EUR", "USD", "CHF", "JPY", "BHD");

    private final StringProperty name = new SimpleStringProperty(this, "name", "");
    private final StringProperty currency = new SimpleStringProperty(this, "currency", "GBP");
    private final ObjectProperty<Month> fiscalYearStart = new SimpleObjectProperty<>(this, "fiscalYearStart", Month.JANUARY);
    private final StringProperty country = new SimpleStringProperty(this, "country", "GB");
    private final ReadOnlyStringWrapper nameError = new ReadOnlyStringWrapper(this, "nameError", "");
    private final ReadOnlyStringWrapper currencyError = new ReadOnlyStringWrapper(this, "currencyError", "");
    private final ReadOnlyStringWrapper countryError = new ReadOnlyStringWrapper(this, "countryError", "");

    NewClientForm(Locale locale) {
        String localCountry = locale.getCountry();
        if (localCountry.matches("[A-Z]{2}")) {
            country.set(localCountry);
            try {
                currency.set(Currency.getInstance(locale).getCurrencyCode());
            } catch (IllegalArgumentException e) {
                // A locale without a currency of its own keeps the default.
            }
        }
        name.addListener((observable, old, text) -> nameError.set(""));
        currency.addListener((observable, old, text) -> currencyError.set(""));
        country.addListener((observable, old, text) -> countryError.set(""));
    }

    /** The client to create, or nothing with the reasons set next to the fields. */
    Optional<NewClient> validate() {
        String typedName = text(name);
        if (typedName.isEmpty()) {
            nameError.set("Enter the client's name.");
        }
        Currency base = null;
        try {
            base = Currencies.of(text(currency));
        } catch (DomainException e) {
            currencyError.set(e.getMessage());
        }
        String typedCountry = text(country).toUpperCase(Locale.ROOT);
        if (!typedCountry.matches("[A-Z]{2}")) {
            countryError.set("Use the two-letter country code, such as GB, DE or US.");
        }
        if (!nameError.get().isEmpty() || !currencyError.get().isEmpty() || !countryError.get().isEmpty()) {
            return Optional.empty();
        }
        try {
            Month month = fiscalYearStart.get() == null ? Month.JANUARY : fiscalYearStart.get();
            return Optional.of(new NewClient(typedName, base, MonthDay.of(month, 1), typedCountry));
        } catch (DomainException e) {
            nameError.set(e.getMessage());
            return Optional.empty();
        }
    }

    /** Shows a refusal of the whole form (a duplicate name) next to the name. */
    void refuse(String why) {
        nameError.set(why);
    }

    void clear() {
        name.set("");
        nameError.set("");
        currencyError.set("");
        countryError.set("");
    }

    private static String text(StringProperty property) {
        return property.get() == null ? "" : property.get().strip();
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty currencyProperty() {
        return currency;
    }

    public ObjectProperty<Month> fiscalYearStartProperty() {
        return fiscalYearStart;
    }

    public StringProperty countryProperty() {
        return country;
    }

    public ReadOnlyStringProperty nameErrorProperty() {
        return nameError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty currencyErrorProperty() {
        return currencyError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty countryErrorProperty() {
        return countryError.getReadOnlyProperty();
    }
}
