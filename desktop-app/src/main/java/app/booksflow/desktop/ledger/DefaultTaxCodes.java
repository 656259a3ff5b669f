package app.booksflow.desktop.ledger;

import app.booksflow.model.id.ClientId;
import app.booksflow.model.id.TaxCodeId;
import app.booksflow.model.ledger.ChartOfAccounts;
import app.booksflow.model.ledger.TaxCode;
import app.booksflow.model.money.TaxRate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The tax codes a new client starts with. Each VAT-style rate gets a code for sales (booked to
 * 2200 Tax payable) and one for purchases (1200 Tax receivable), so a return can be read off the two
 * balances. US sales tax depends on the state and is not reclaimable, so US clients start with none.
 */
final class DefaultTaxCodes {

    private record Regime(String prefix, String taxName, List<String> ratesInPercent) {
    }

    private static final Map<String, Regime> BY_COUNTRY = Map.of(
            "GB", new Regime("VAT", "VAT", List.of("20", "5", "0")),
            "DE", new Regime("USt", "USt", List.of("19", "7")),
            "FR", new Regime("TVA", "TVA", List.of("20", "10", "5.5")),
            "JP", new Regime("CT", "Consumption tax", List.of("10", "8")),
            "BH", new Regime("VAT", "VAT", List.of("10", "0")));

    private DefaultTaxCodes() {
    }

    static List<TaxCode> forCountry(String country, ClientId client, ChartOfAccounts chart) {
        Regime regime = BY_COUNTRY.get(country);
        if (regime == null) {
            return List.of();
        }
        var payable = chart.byCode("2200").orElseThrow().id();
        var receivable = chart.byCode("1200").orElseThrow().id();
        List<TaxCode> codes = new ArrayList<>();
        for (String percent : regime.ratesInPercent()) {
            TaxRate rate = TaxRate.ofPercent(percent);
            codes.add(new TaxCode(TaxCodeId.random(), client, regime.prefix() + percent + "-S",
                    regime.taxName() + " " + rate + " on sales", rate, payable));
            codes.add(new TaxCode(TaxCodeId.random(), client, regime.prefix() + percent + "-P",
                    regime.taxName() + " " + rate + " on purchases", rate, receivable));
        }
        return List.copyOf(codes);
    }
}
