package app.booksflow.server;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * The opaque {@code next} of a keyset-paged list: the sort key of the last row served, so the next page
 * starts right after it however many rows were added meanwhile. Opaque so that clients pass it back
 * unchanged instead of building their own; not a secret (every query is still checked for access).
 */
public final class PageCursor {

    private static final char SEPARATOR = '|';

    private PageCursor() {
    }

    public static String encode(Object... parts) {
        StringBuilder text = new StringBuilder();
        for (Object part : parts) {
            if (!text.isEmpty()) {
                text.append(SEPARATOR);
            }
            text.append(part);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The parts of a cursor made by {@link #encode}; a cursor that is not one is the caller's mistake (400). */
    public static List<String> decode(String cursor, int parts) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor.strip()), StandardCharsets.UTF_8);
            List<String> decoded = List.of(text.split("\\|", -1));
            if (decoded.size() != parts) {
                throw invalid();
            }
            return decoded;
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
    }

    public static ApiException invalid() {
        return ApiException.badRequest("INVALID_CURSOR",
                "The parameter 'after' is not a cursor this server handed out; start again without it.");
    }
}
