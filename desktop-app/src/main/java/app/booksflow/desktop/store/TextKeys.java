package app.booksflow.desktop.store;

import java.util.Comparator;
import java.util.Locale;

/**
 * Lower case that is the same on every machine, whatever language it runs in: for keys the books keep
 * (the ledger's payee order) and for text typed against them. The database's own {@code lower()} follows
 * the JVM's language, and a Turkish one lowers "IKEA" to "ıkea", which sorts after "z" and which "ikea"
 * does not find; so the books never compute a key or a comparison in SQL with it.
 */
public final class TextKeys {

    /** Text in the order of its lower case, the same in every language. */
    public static final Comparator<String> ORDER = Comparator.comparing(TextKeys::lower);

    private static final String DOTTED_I = "i\u0307";

    private TextKeys() {
    }

    /**
     * The text in lower case by Unicode's rules alone. "İ" becomes a plain "i" (not "i" with a combining
     * dot), as a Turkish reader lowers it, and so that a key is never longer than its text.
     */
    public static String lower(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        return lower.indexOf('\u0307') < 0 ? lower : lower.replace(DOTTED_I, "i");
    }
}
