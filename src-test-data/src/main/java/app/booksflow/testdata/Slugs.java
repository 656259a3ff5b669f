package app.booksflow.testdata;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Plain ASCII forms of names for e-mail domains and file names: "Café Müller" becomes "cafe-muller". */
final class Slugs {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NON_ALPHANUMERIC = Pattern.compile("[^a-z0-9]+");

    private Slugs() {
    }

    /** The slug, or the fallback when nothing ASCII is left (Japanese names). */
    static String of(String text, String fallback) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        String ascii = MARKS.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT);
        String slug = NON_ALPHANUMERIC.matcher(ascii).replaceAll("-");
        int start = 0;
        int end = slug.length();
        while (start < end && slug.charAt(start) == '-') {
            start++;
        }
        while (end > start && slug.charAt(end - 1) == '-') {
            end--;
        }
        return start == end ? fallback : slug.substring(start, end);
    }
}
