package app.booksflow.testdata;

import app.booksflow.model.id.AccountId;
import app.booksflow.model.id.ClientId;
import app.booksflow.model.id.TaxCodeId;
import app.booksflow.model.ledger.ChartOfAccounts;
import app.booksflow.model.ledger.TaxCode;
import app.booksflow.model.money.TaxRate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A client's tax codes. Every rate gets one code for sales, booked to 2200 Tax payable, and one for
 * purchases, booked to 1200 Tax receivable (the way Xero separates "VAT on income" from "VAT on
 * expenses"), so a VAT return can be read straight off the two account balances. US clients charge
 * the sales tax of their state and cannot reclaim the tax they pay, so they have one sales code only.
 */
final class ClientTaxes {

    private record UsState(String code, String name, String percent) {
    }

    private static final List<UsState> US_STATES = List.of(
            new UsState("NY", "New York City", "8.875"), new UsState("CA", "Los Angeles", "9.5"),
            new UsState("TX", "Texas", "8.25"), new UsState("WA", "Seattle", "10.35"),
            new UsState("IL", "Chicago", "10.25"), new UsState("FL", "Florida", "7"));

    private final List<TaxCode> codes;
    private final Map<TaxCodeId, TaxCode> byId = new HashMap<>();
    private final Map<Treatment, TaxCode> sales = new EnumMap<>(Treatment.class);
    private final Map<Treatment, TaxCode> purchases = new EnumMap<>(Treatment.class);
    private final Map<Treatment, Optional<TaxCodeId>> salesIds = new EnumMap<>(Treatment.class);
    private final Map<Treatment, Optional<TaxCodeId>> purchaseIds = new EnumMap<>(Treatment.class);

    private ClientTaxes(List<TaxCode> codes) {
        this.codes = List.copyOf(codes);
        for (TaxCode code : codes) {
            byId.put(code.id(), code);
        }
    }

    static ClientTaxes create(Country country, ClientId client, ChartOfAccounts chart, Supplier<TaxCodeId> ids,
            Draws draws) {
        AccountId payable = chart.byCode("2200").orElseThrow().id();
        AccountId receivable = chart.byCode("1200").orElseThrow().id();
        List<TaxCode> codes = new ArrayList<>();
        Map<TaxRate, TaxCode[]> byRate = new HashMap<>();
        if (country == Country.UNITED_STATES) {
            UsState state = draws.pick(US_STATES);
            TaxCode code = new TaxCode(ids.get(), client, "ST-" + state.code(), "Sales tax " + state.name() + " "
                    + TaxRate.ofPercent(state.percent()) + " on sales", TaxRate.ofPercent(state.percent()), payable);
            codes.add(code);
            ClientTaxes taxes = new ClientTaxes(codes);
            for (Treatment treatment : List.of(Treatment.STANDARD, Treatment.FOOD, Treatment.RESTAURANT)) {
                taxes.sales.put(treatment, code);
            }
            return taxes.cacheIds();
        }
        Set<TaxRate> rates = new LinkedHashSet<>();
        for (Treatment treatment : Treatment.values()) {
            country.rate(treatment).ifPresent(rates::add);
        }
        for (TaxRate rate : rates) {
            String number = rate.percent().toPlainString();
            TaxCode sale = new TaxCode(ids.get(), client, country.taxCodePrefix() + number + "-S",
                    country.taxName() + " " + rate + " on sales", rate, payable);
            TaxCode purchase = new TaxCode(ids.get(), client, country.taxCodePrefix() + number + "-P",
                    country.taxName() + " " + rate + " on purchases", rate, receivable);
            codes.add(sale);
            codes.add(purchase);
            byRate.put(rate, new TaxCode[] {sale, purchase});
        }
        ClientTaxes taxes = new ClientTaxes(codes);
        for (Treatment treatment : Treatment.values()) {
            country.rate(treatment).ifPresent(rate -> {
                taxes.sales.put(treatment, byRate.get(rate)[0]);
                taxes.purchases.put(treatment, byRate.get(rate)[1]);
            });
        }
        return taxes.cacheIds();
    }

    /** Optionals are immutable, so one per treatment serves every split of the client. */
    private ClientTaxes cacheIds() {
        for (Treatment treatment : Treatment.values()) {
            salesIds.put(treatment, Optional.ofNullable(sales.get(treatment)).map(TaxCode::id));
            purchaseIds.put(treatment, Optional.ofNullable(purchases.get(treatment)).map(TaxCode::id));
        }
        return this;
    }

    List<TaxCode> codes() {
        return codes;
    }

    TaxCode byId(TaxCodeId id) {
        return byId.get(id);
    }

    /** The code of a sale ({@code sale}) or a purchase of this kind of supply, if it is taxed at all. */
    Optional<TaxCode> code(Treatment treatment, boolean sale) {
        return Optional.ofNullable((sale ? sales : purchases).get(treatment));
    }

    Optional<TaxCodeId> codeId(Treatment treatment, boolean sale) {
        return (sale ? salesIds : purchaseIds).get(treatment);
    }
}
