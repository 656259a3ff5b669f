package app.booksflow.desktop.search;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits text into search terms. Indexing and querying share it, so that whatever the index holds a
 * typed query can reach: "Café" and "cafe" both become "cafe", and a number keeps its separators
 * ("1.234,56" stays one term) so that amounts typed either way match the stored amount forms.
 */
final class Terms {

    /** Longer terms are cut: nobody types 64 characters of one word, and a prefix still finds them. */
    static final int MAX_LENGTH = 64;

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern TOKEN = Pattern.compile("\\p{N}+(?:[.,]\\p{N}+)*|[\\p{L}\\p{N}]+");

    private Terms() {
    }

    static String fold(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFKD);
        return MARKS.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT);
    }

    static List<String> of(String text) {
        List<String> terms = new ArrayList<>();
        Matcher matcher = TOKEN.matcher(fold(text));
        while (matcher.find()) {
            String term = matcher.group();
            terms.add(term.length() > MAX_LENGTH ? term.substring(0, MAX_LENGTH) : term);
        }
        return terms;
    }

    /** Terms are folded text, so no character of one sorts after U+FFFF: this bounds a prefix's range of terms. */
    static String upperBound(String prefix) {
        return prefix + '\uFFFF';
    }
}
