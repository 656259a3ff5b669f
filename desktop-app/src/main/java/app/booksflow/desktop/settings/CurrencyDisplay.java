package app.booksflow.desktop.settings;

/** How amounts show their currency: "€ 12.50" or "EUR 12.50". */
public enum CurrencyDisplay {
    SYMBOL,
    ISO_CODE
}
