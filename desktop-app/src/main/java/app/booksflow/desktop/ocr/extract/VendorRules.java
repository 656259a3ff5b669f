package app.booksflow.desktop.ocr.extract;

import java.util.Optional;

/** A client's vendor rules, looked up by the {@link VendorKey} of the vendor read from a receipt. */
@FunctionalInterface
public interface VendorRules {

    VendorRules NONE = key -> Optional.empty();

    Optional<VendorRule> find(String vendorKey);
}
