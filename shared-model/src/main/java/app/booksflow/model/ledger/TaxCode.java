package app.booksflow.model.ledger;

import app.booksflow.model.Checks;
import app.booksflow.model.id.AccountId;
import app.booksflow.model.id.ClientId;
import app.booksflow.model.id.TaxCodeId;
import app.booksflow.model.money.TaxRate;

/**
 * A tax a client charges or pays, such as "VAT20 Standard rate 20 %". The tax part of a split is
 * booked to the tax account (tax receivable or payable).
 */
public record TaxCode(TaxCodeId id, ClientId client, String code, String name, TaxRate rate, AccountId taxAccount) {

    public TaxCode {
        Checks.required(id, "The tax code id");
        Checks.required(client, "The tax code's client");
        code = Checks.requiredText(code, "The tax code", 16);
        name = Checks.requiredText(name, "The tax code name", 120);
        Checks.required(rate, "The tax rate");
        Checks.required(taxAccount, "The account for the tax");
    }
}
