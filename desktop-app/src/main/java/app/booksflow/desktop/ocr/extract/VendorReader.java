package app.booksflow.desktop.ocr.extract;

import app.booksflow.model.receipt.Extracted;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The vendor of a receipt: the first line near the top that reads like a name, skipping what a
 * receipt's head also holds (address, phone, web, tax numbers, dates, "RECEIPT", "WELCOME").
 */
final class VendorReader {

    private static final int HEAD_LINES = 8;
    /** Past this many lines that are not a name the head is over: what follows is items, not the vendor. */
    private static final int MAX_SKIPPED = 4;
    private static final Pattern NOT_A_NAME = Pattern.compile("(?iu)^(\\W*)("
            + "receipt|sales receipt|tax invoice|invoice|simplified tax invoice|welcome|welcome to|thank you|thanks|"
            + "customer copy|merchant copy|copy|duplicate|order|table|cashier|server|kassenbon|kassenbeleg|beleg|"
            + "rechnung|quittung|bon|facture|ticket|reçu|recu|ticket de caisse|bienvenue|willkommen|factura|"
            + "ricevuta|scontrino|領収書|レシート|original|staff|server|served by|pump|bedienung|kasse|till|terminal|"
            + "operator|register|reg|guests|covers|pax|bon-nr|rcpt|trans)\\b.*");
    /** A document's title printed beside the vendor's name: "Keller IT-Service GmbH RECHNUNG". */
    private static final Pattern TITLE_AFTER = Pattern.compile("(?iu)\\s+(tax invoice|simplified tax invoice|invoice|"
            + "rechnung|facture|factura|receipt|quittung|kassenbon|tax receipt)\\s*$");
    /** A street word counts only beside a number, as in an address: "Elm Street Hardware" is a name. */
    private static final Pattern STREET = Pattern.compile("(?iu)\\b(street|st\\.?|road|rd\\.?|avenue|ave\\.?|blvd|"
            + "boulevard|lane|ln\\.?|drive|dr\\.|highway|hwy|suite|ste\\.|unit|floor|level|po box|plaza|square|"
            + "strasse|straße|str\\.|platz|weg|allee|gasse|rue|place|chemin|calle|via|piazza|corso|chome)\\b"
            + "|\\p{L}(strasse|straße|str\\.|weg|platz|gasse|allee)(?!\\p{L})");
    private static final Pattern ADDRESS = Pattern.compile("(?iu)(^\\d{1,5}[a-z]?\\s+\\p{L}|\\b\\d{4,5}(-\\d{4})?\\b"
            + "|\\b[A-Z]{1,2}\\d[A-Z\\d]?\\s?\\d[A-Z]{2}\\b|\\b\\d{3}-\\d{4}\\b"
            + "|\\b(NY|CA|TX|FL|WA|IL|MA|OR|CO|OH|NSW|VIC|QLD|SA|TAS|ACT|NT)\\s+\\d{4,5}\\b|\\bsingapore\\s+\\d{6}\\b"
            + "|\\d+-\\d+-\\d+\\s+\\p{L}|〒|都|県|市|区)");
    private static final Pattern CONTACT = Pattern.compile("(?iu)(\\b(tel|phone|ph|fax|telefon|téléphone|tél|call|"
            + "www|http|https|email|e-mail)\\b|@|\\.(com|net|org|co\\.uk|de|fr|com\\.au|sg|jp|io)\\b|"
            + "\\b(abn|acn|gst|vat|tva|uen|ust|mwst|siret|siren|steuer|st\\.?-?nr|tax id|ein|reg|registration)\\b)");
    private static final Pattern DATE_OR_TIME = Pattern.compile("\\d{1,4}[./-]\\d{1,2}[./-]\\d{2,4}|\\d{1,2}:\\d{2}");
    private static final Pattern AMOUNT = Pattern.compile("\\d[.,]\\d{2}(?!\\d)");

    private VendorReader() {
    }

    static Optional<Extracted<String>> read(List<String> lines) {
        int skipped = 0;
        for (int i = 0; i < Math.min(HEAD_LINES, lines.size()); i++) {
            String line = lines.get(i).strip();
            String name = clean(line);
            if (looksLikeName(line, name)) {
                int confidence = 80 - 8 * skipped;
                if (name.length() < 4) {
                    confidence -= 20;
                }
                if (noisy(line)) {
                    confidence -= 15;
                }
                return Optional.of(Extracted.of(name, Math.clamp(confidence, 20, 85)));
            }
            if (!line.isBlank() && ++skipped > MAX_SKIPPED) {
                break;
            }
        }
        return Optional.empty();
    }

    private static boolean looksLikeName(String line, String name) {
        long letters = name.codePoints().filter(Character::isLetter).count();
        boolean aWord = Arrays.stream(name.split("[^\\p{L}]+")).anyMatch(word -> word.length() >= 3);
        if (!aWord) {
            return false;
        }
        if (letters < 2 || letters < name.replace(" ", "").length() * 0.6) {
            return false;
        }
        return !NOT_A_NAME.matcher(name).matches() && !ADDRESS.matcher(line).find()
                && !(STREET.matcher(line).find() && line.matches(".*\\d.*")) && !CONTACT.matcher(line).find()
                && !DATE_OR_TIME.matcher(line).find() && !AMOUNT.matcher(line).find();
    }

    private static boolean noisy(String line) {
        long odd = line.codePoints().filter(c -> !Character.isLetterOrDigit(c) && " &'.-".indexOf(c) < 0).count();
        return odd > 2;
    }

    /** Stray punctuation off the ends, single spaces, and a mostly capital line all in capitals. */
    static String clean(String line) {
        String name = TITLE_AFTER.matcher(line.strip()).replaceAll("").replaceAll("[^\\p{L}\\p{N}&'.,\\-+/ ]", " ")
                .replaceAll("\\s+", " ").strip()
                .replaceAll("^[^\\p{L}\\p{N}]+", "")
                .replaceAll("[^\\p{L}\\p{N}.)]+$", "");
        long upper = name.codePoints().filter(Character::isUpperCase).count();
        long lower = name.codePoints().filter(Character::isLowerCase).count();
        if (upper > 0 && lower > 0 && upper >= 3 * lower) {
            name = name.toUpperCase(Locale.ROOT);
        }
        if (name.length() > 200) {
            name = name.substring(0, 200).strip();
        }
        return name;
    }
}
