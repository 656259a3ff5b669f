package app.booksflow.server.receipts;

import app.booksflow.model.receipt.ReceiptMediaType;
import java.util.Locale;

/**
 * The name a receipt keeps for people. Browsers send anything from {@code C:\fakepath\scan.pdf} to
 * nothing at all; only the last path segment is kept, without control characters, short enough for
 * the model's limit.
 */
final class UploadNames {

    static final int MAX_LENGTH = 255;

    private UploadNames() {
    }

    static String clean(String sent, ReceiptMediaType type) {
        String name = sent == null ? "" : sent;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = name.codePoints().filter(cp -> !Character.isISOControl(cp))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString().strip();
        if (name.isEmpty() || name.equals(".") || name.equals("..")) {
            name = "receipt." + type.name().toLowerCase(Locale.ROOT);
        }
        if (name.length() > MAX_LENGTH) {
            int dot = name.lastIndexOf('.');
            String extension = dot > 0 && name.length() - dot <= 10 ? name.substring(dot) : "";
            int cut = MAX_LENGTH - extension.length();
            if (Character.isHighSurrogate(name.charAt(cut - 1))) {
                cut--;
            }
            name = name.substring(0, cut) + extension;
        }
        return name;
    }
}
