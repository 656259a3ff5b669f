package app.booksflow.desktop.ocr.extract;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the amounts written on one line of a receipt. Dates, times, percentages, card numbers and
 * long digit runs are blanked first so that they are not read as money; inside what looks like an
 * amount, the letters OCR confuses with digits are read as those digits.
 */
final class Amounts {

    /** An amount on a line; {@code decimals} tells whether it was written with a decimal part. */
    record Token(BigDecimal value, int fractionDigits, int start, int end) {

        boolean decimals() {
            return fractionDigits > 0;
        }
    }

    private static final Pattern DATE = Pattern.compile(
            "(?<![\\d.,])\\d{1,4}[./-]\\d{1,2}[./-]\\d{2,4}(?![\\d,]|\\.\\d)|\\d{4}年\\d{1,2}月\\d{1,2}日");
    private static final Pattern TIME = Pattern.compile("(?<!\\d)\\d{1,2}[:h]\\d{2}(?::\\d{2})?(?!\\d)");
    private static final Pattern PERCENT = Pattern.compile("\\d{1,2}(?:[.,]\\d{1,3})?\\s?%");
    private static final Pattern CARD = Pattern.compile("(?:[*xX#•]{2,}[\\s-]?){1,4}\\d{0,4}");
    private static final Pattern PHONE = Pattern.compile("\\+?\\(?\\d{2,5}\\)?(?:[ -]\\d{2,5}){2,4}(?![.,]\\d)");
    private static final Pattern LONG_DIGITS = Pattern.compile("\\d{7,}");
    /** A number with letters OCR often puts for digits: O/o for 0, l/I/| for 1, S for 5. */
    private static final Pattern SLIPPED = Pattern.compile(
            "(?<![\\p{L}])[0-9OoIl|S]+(?:[.,][0-9OoIl|S]+)*(?![\\p{L}])");
    /** Tesseract reads a thermal printer's 0 as @ ("@.35", "5@@mg"); "2 @ 3.50" keeps its spaces. */
    private static final Pattern AT_FOR_ZERO = Pattern.compile("(?<=[\\d.,@])@|@(?=[@.,]?\\d)");
    private static final Pattern SPACE_BEFORE_DECIMALS = Pattern.compile("(\\d) ?([.,]) ?(\\d{2,3})(?!\\d)");
    private static final Pattern SPACE_GROUPS = Pattern.compile("(?<![\\d.,])\\d{1,3}(?:[  \u202F]\\d{3})+(?=,\\d{2}(?!\\d))");
    private static final Pattern NUMBER = Pattern.compile("\\d[\\d.,'’]*\\d|\\d");

    private Amounts() {
    }

    /** The line with slips inside numbers repaired and every part that is not an amount blanked. */
    static String clean(String line) {
        String text = fixSlips(line);
        text = SPACE_GROUPS.matcher(text).replaceAll(m -> m.group().replaceAll("[  \u202F]", ""));
        text = SPACE_BEFORE_DECIMALS.matcher(text).replaceAll("$1$2$3");
        for (Pattern mask : List.of(DATE, TIME, PERCENT, CARD, PHONE, LONG_DIGITS)) {
            text = blank(mask, text);
        }
        return text;
    }

    static String fixSlips(String line) {
        Matcher m = SLIPPED.matcher(AT_FOR_ZERO.matcher(line).replaceAll("0"));
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String token = m.group();
            long digits = token.chars().filter(Character::isDigit).count();
            long letters = token.chars().filter(c -> "OoIl|S".indexOf(c) >= 0).count();
            boolean amountShape = token.matches(".*[.,][0-9OoIl|S]{2}");
            String fixed = token;
            if (letters > 0 && digits >= 1 && amountShape && letters <= digits) {
                fixed = token.replace('O', '0').replace('o', '0').replace('I', '1').replace('l', '1')
                        .replace('|', '1').replace('S', '5');
            }
            m.appendReplacement(out, Matcher.quoteReplacement(fixed));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String blank(Pattern pattern, String text) {
        return pattern.matcher(text).replaceAll(m -> " ".repeat(m.group().length()));
    }

    /** The amounts of a line, left to right, read for a currency with {@code fractionDigits} decimals. */
    static List<Token> find(String line, int fractionDigits) {
        String text = clean(line);
        List<Token> tokens = new ArrayList<>();
        Matcher m = NUMBER.matcher(text);
        while (m.find()) {
            Optional<Token> token = parse(m.group(), fractionDigits, m.start(), m.end());
            if (token.isEmpty()) {
                continue;
            }
            Token read = token.get();
            if (negative(text, m.start(), m.end())) {
                read = new Token(read.value().negate(), read.fractionDigits(), read.start(), read.end());
            }
            tokens.add(read);
        }
        return tokens;
    }

    private static boolean negative(String text, int start, int end) {
        int before = start - 1;
        while (before >= 0 && (text.charAt(before) == ' ' || "$€£¥".indexOf(text.charAt(before)) >= 0)) {
            before--;
        }
        boolean minusBefore = before >= 0 && (text.charAt(before) == '-' || text.charAt(before) == '−')
                && (before == 0 || !Character.isLetterOrDigit(text.charAt(before - 1)));
        boolean minusAfter = end < text.length() && (text.charAt(end) == '-' || text.charAt(end) == '−')
                && (end + 1 == text.length() || !Character.isDigit(text.charAt(end + 1)));
        return minusBefore || minusAfter;
    }

    /**
     * Reads one number: the last separator followed by one or two digits is the decimal point (when the
     * currency has decimals), every other separator must group thousands by three.
     */
    static Optional<Token> parse(String raw, int fractionDigits, int start, int end) {
        String s = raw.replace('’', '\'');
        int last = Math.max(s.lastIndexOf('.'), s.lastIndexOf(','));
        String integer;
        String fraction = "";
        if (last >= 0 && s.length() - last - 1 <= 2 && s.lastIndexOf('\'') < last) {
            integer = s.substring(0, last);
            fraction = s.substring(last + 1);
            if (fractionDigits == 0 && !fraction.chars().allMatch(c -> c == '0')) {
                return Optional.empty();
            }
        } else {
            integer = s;
        }
        if (!groupedByThree(integer)) {
            return Optional.empty();
        }
        String digits = integer.replaceAll("[.,']", "");
        if (digits.isEmpty() || digits.length() > 12) {
            return Optional.empty();
        }
        BigDecimal value = new BigDecimal(fraction.isEmpty() || fractionDigits == 0 ? digits : digits + "." + fraction);
        return Optional.of(new Token(value, fractionDigits == 0 ? 0 : fraction.length(), start, end));
    }

    private static boolean groupedByThree(String integer) {
        String[] groups = integer.split("[.,']", -1);
        if (groups.length == 1) {
            return !groups[0].isEmpty();
        }
        if (groups[0].isEmpty() || groups[0].length() > 3) {
            return false;
        }
        for (int i = 1; i < groups.length; i++) {
            if (groups[i].length() != 3) {
                return false;
            }
        }
        return true;
    }
}
