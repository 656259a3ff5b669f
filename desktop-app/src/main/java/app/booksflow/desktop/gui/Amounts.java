package app.booksflow.desktop.gui;

import app.booksflow.desktop.settings.CurrencyDisplay;
import app.booksflow.desktop.settings.Settings;
import app.booksflow.model.money.Money;
import app.booksflow.model.money.MoneyFormat;

/** Amounts as the settings ask for them: the locale's convention, with the currency's symbol or ISO code. */
public final class Amounts {

    private final MoneyFormat format;
    private final CurrencyDisplay display;

    private Amounts(Settings settings) {
        this.format = MoneyFormat.of(settings.locale());
        this.display = settings.currencyDisplay();
    }

    public static Amounts of(Settings settings) {
        return new Amounts(settings);
    }

    /** "£1,234.56" or "GBP 1,234.56". */
    public String format(Money money) {
        return display == CurrencyDisplay.ISO_CODE
                ? money.currency().getCurrencyCode() + " " + format.formatAmount(money)
                : format.format(money);
    }
}
