package app.booksflow.desktop.ocr.extract;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;

/**
 * The key a vendor rule is found by: the vendor's letters and digits, lower case, without accents,
 * so that "CORNER CAFÉ", "Corner Cafe." and "corner-cafe" are one vendor.
 */
public final class VendorKey {

    private static final int MAX_LENGTH = 200;

    private VendorKey() {
    }

    /** Empty when the name has no letter or digit. */
    public static Optional<String> of(String vendor) {
        if (vendor == null) {
            return Optional.empty();
        }
        String key = Normalizer.normalize(vendor, Normalizer.Form.NFKD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
        if (key.length() > MAX_LENGTH) {
            key = key.substring(0, MAX_LENGTH);
        }
        return key.isEmpty() ? Optional.empty() : Optional.of(key);
    }
}
