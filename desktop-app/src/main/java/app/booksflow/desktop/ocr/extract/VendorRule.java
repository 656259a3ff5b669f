package app.booksflow.desktop.ocr.extract;

import app.booksflow.model.Checks;
import app.booksflow.model.id.AccountId;
import java.util.Objects;
import java.util.Optional;

/**
 * What the accountant taught about a vendor: receipts whose vendor reads as {@code key} are from
 * {@code name}, and were last booked to {@code account}.
 */
public record VendorRule(String key, String name, Optional<AccountId> account) {

    public VendorRule {
        key = Checks.requiredText(key, "The vendor key", 200);
        name = Checks.requiredText(name, "The vendor name", 200);
        Objects.requireNonNull(account, "account");
    }
}
