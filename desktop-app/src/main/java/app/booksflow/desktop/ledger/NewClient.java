package app.booksflow.desktop.ledger;

import app.booksflow.model.Checks;
import app.booksflow.model.DomainError;
import app.booksflow.model.DomainException;
import app.booksflow.model.money.Currencies;
import java.time.MonthDay;
import java.util.Currency;
import java.util.Locale;

/**
 * What an accountant enters to take on a client.
 *
 * @param country ISO 3166 two-letter code; chooses the default tax codes (GB, DE, FR, JP and BH have some)
 */
public record NewClient(String name, Currency baseCurrency, MonthDay fiscalYearStart, String country) {

    public NewClient {
        name = Checks.requiredText(name, "The client name", 200);
        Currencies.requireBookable(baseCurrency);
        Checks.required(fiscalYearStart, "The start of the fiscal year");
        country = Checks.requiredText(country, "The country", 2).toUpperCase(Locale.ROOT);
        if (!country.matches("[A-Z]{2}")) {
            throw new DomainException(DomainError.INVALID_FORMAT,
                    "'" + country + "' is not a country code; use two letters such as GB, DE or US.");
        }
    }
}
