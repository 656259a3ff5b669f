package app.booksflow.testdata;

import app.booksflow.model.id.AccountId;
import app.booksflow.model.id.TaxCodeId;
import app.booksflow.model.ledger.Account;
import app.booksflow.model.ledger.ChartOfAccounts;
import app.booksflow.model.ledger.Split;
import app.booksflow.model.ledger.TaxCode;
import app.booksflow.model.money.Money;
import java.util.Currency;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** A client's accounts, tax codes and prices, in the form the bookings need them. */
final class ClientBooks {

    private final Currency currency;
    private final ClientTaxes taxes;
    private final Prices prices;
    private final Map<String, AccountId> accounts = new HashMap<>();

    ClientBooks(Country country, ChartOfAccounts chart, ClientTaxes taxes) {
        this.currency = country.currency();
        this.taxes = taxes;
        this.prices = new Prices(country);
        for (Account account : chart.accounts()) {
            accounts.put(account.code(), account.id());
        }
    }

    Currency currency() {
        return currency;
    }

    ClientTaxes taxes() {
        return taxes;
    }

    Prices prices() {
        return prices;
    }

    AccountId account(String code) {
        AccountId id = accounts.get(code);
        if (id == null) {
            throw new IllegalStateException("the small-business chart has no account " + code);
        }
        return id;
    }

    /**
     * A split of a sale (positive) or a purchase (negative) of the given gross minor units, with the
     * tax code the client's country uses for that kind of supply.
     */
    Split split(String accountCode, long signedGross, Treatment treatment, String memo) {
        boolean sale = signedGross > 0;
        Optional<TaxCodeId> code = taxes.codeId(treatment, sale);
        return new Split(account(accountCode), Money.ofMinor(signedGross, currency), code, memo);
    }

    /** The tax-inclusive amount of an invoice whose net amount is given, rounded like the invoice would be. */
    long grossFromNet(long net, Treatment treatment, boolean sale) {
        Optional<TaxCode> code = taxes.code(treatment, sale);
        if (code.isEmpty()) {
            return net;
        }
        return net + Money.ofMinor(net, currency).taxOnNet(code.get().rate()).minorUnits();
    }
}
