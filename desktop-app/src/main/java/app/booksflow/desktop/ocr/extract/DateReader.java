package app.booksflow.desktop.ocr.extract;

import app.booksflow.model.receipt.Extracted;
import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The date of a receipt. Every date-shaped text is a candidate; day and month order comes from the
 * format (a year first, a month name, a number above 12) or else from the client's country, and a
 * date after the reference day or long before it is not taken. Candidates next to a date label win,
 * those next to "due" or "expires" lose.
 */
final class DateReader {

    enum Order { DAY_FIRST, MONTH_FIRST, YEAR_FIRST }

    private static final Set<String> MONTH_FIRST_COUNTRIES = Set.of("US", "PH", "PR", "GU", "FM", "MH", "PW", "BZ");
    private static final Set<String> YEAR_FIRST_COUNTRIES = Set.of("JP", "CN", "KR", "TW", "HU", "LT", "MN", "IR");
    private static final int MAX_YEARS_OLD = 6;

    private static final Pattern YEAR_FIRST = Pattern.compile(
            "(?<![\\d.,])(\\d{4})\\s?([-/.年])\\s?(\\d{1,2})\\s?[-/.月]\\s?(\\d{1,2})(?!\\d)");
    private static final Pattern NUMERIC = Pattern.compile(
            "(?<![\\d.,/-])(\\d{1,2})\\s?([/.\\-])\\s?(\\d{1,2})\\s?\\2\\s?(\\d{4}|\\d{2})(?![\\d])");
    private static final Pattern DAY_NAME_YEAR = Pattern.compile(
            "(?<!\\d)(\\d{1,2})(?:st|nd|rd|th|er|\\.)?[\\s\\-./]*(\\p{L}{3,10})\\.?[\\s\\-.,/']*(\\d{4}|\\d{2})(?!\\d)",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern NAME_DAY_YEAR = Pattern.compile(
            "(?<!\\p{L})(\\p{L}{3,10})\\.?\\s*(\\d{1,2})(?:st|nd|rd|th)?\\s*[,.]?\\s*'?(\\d{4}|\\d{2})(?!\\d)",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern LABEL = Pattern.compile(
            "(?iu)(\\b|\\p{Ll})(date|dated|datum|fecha|data|issued)\\b|日付|日時");
    private static final Pattern WRONG_LABEL = Pattern.compile(
            "(?iu)\\b(due|exp|expiry|expires|expiration|valid|until|best before|use by|born|dob|ablauf|gültig|bis|"
                    + "échéance|echeance|vence|return by|returns|faellig|fällig|zahlbar|payable|pay by|payment terms)\\b");
    private static final Pattern TIME = Pattern.compile("(?<!\\d)\\d{1,2}:\\d{2}(?!\\d)");

    /** A 0 read as @, O or Q at the edge of a date's number: "@8/03/2025", "Q1/01/23", "15.O1.2025". */
    private static final Pattern ZERO_SLIP = Pattern.compile(
            "(?<![\\p{L}\\d])[@OoQ](?=\\d[/.\\-]\\d)|(?<=\\d[/.\\-])[@OoQ](?=\\d[/.\\-]\\d)|(?<=\\d[/.\\-]\\d[/.\\-])[@OoQ](?=\\d)");

    private static final Map<String, Integer> MONTH_NAMES = new LinkedHashMap<>();

    static {
        String[][] names = {
                {"january", "januar", "janvier", "enero", "gennaio", "januari", "janeiro", "jänner", "jaenner"},
                {"february", "februar", "fevrier", "febrero", "febbraio", "februari", "fevereiro"},
                {"march", "marz", "maerz", "mars", "marzo", "maart", "marco", "mrz"},
                {"april", "avril", "abril", "aprile"},
                {"may", "mai", "mayo", "maggio", "mei", "maio"},
                {"june", "juni", "juin", "junio", "giugno", "junho"},
                {"july", "juli", "juillet", "julio", "luglio", "julho"},
                {"august", "aout", "agosto", "augustus"},
                {"september", "septembre", "septiembre", "settembre", "setembro", "sept"},
                {"october", "oktober", "octobre", "octubre", "ottobre", "outubro", "okt"},
                {"november", "novembre", "noviembre", "novembro"},
                {"december", "dezember", "decembre", "diciembre", "dicembre", "dezembro", "dez"}};
        for (int month = 0; month < names.length; month++) {
            for (String name : names[month]) {
                MONTH_NAMES.put(name, month + 1);
            }
        }
    }

    record Candidate(LocalDate date, int score, int line) {
    }

    private DateReader() {
    }

    static Optional<Extracted<LocalDate>> read(List<String> lines, Locale locale, LocalDate today) {
        List<Candidate> candidates = candidates(lines, locale, today);
        Map<LocalDate, Integer> best = new LinkedHashMap<>();
        Map<LocalDate, Integer> seen = new LinkedHashMap<>();
        for (Candidate candidate : candidates) {
            best.merge(candidate.date(), candidate.score(), Math::max);
            seen.merge(candidate.date(), 1, Integer::sum);
        }
        if (best.isEmpty()) {
            return Optional.empty();
        }
        List<Map.Entry<LocalDate, Integer>> ranked = new ArrayList<>();
        best.forEach((date, score) -> ranked.add(Map.entry(date, score + Math.min(10, 5 * (seen.get(date) - 1)))));
        ranked.sort(Map.Entry.<LocalDate, Integer>comparingByValue(Comparator.reverseOrder()));
        int confidence = ranked.getFirst().getValue();
        if (ranked.size() > 1 && ranked.get(1).getValue() > confidence - 15) {
            confidence -= 10;
        }
        return Optional.of(Extracted.of(ranked.getFirst().getKey(), Math.clamp(confidence, 5, 97)));
    }

    static List<Candidate> candidates(List<String> lines, Locale locale, LocalDate today) {
        Order order = orderOf(locale);
        List<Candidate> found = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int context = 0;
            if (LABEL.matcher(line).find() || (i > 0 && LABEL.matcher(lines.get(i - 1)).find()
                    && lines.get(i - 1).strip().length() < 16)) {
                context += 15;
            }
            if (WRONG_LABEL.matcher(line).find()) {
                context -= 40;
            }
            if (TIME.matcher(line).find()) {
                context += 5;
            }
            for (Reading reading : readings(fixSlips(line), order)) {
                if (plausible(reading.date(), today)) {
                    found.add(new Candidate(reading.date(), reading.score() + context, i));
                }
            }
        }
        return found;
    }

    private record Reading(LocalDate date, int score, int start, int end) {
    }

    private static List<Reading> readings(String line, Order order) {
        List<Reading> readings = new ArrayList<>();
        Set<Integer> taken = new HashSet<>();
        Matcher ymd = YEAR_FIRST.matcher(line);
        while (ymd.find()) {
            date(Integer.parseInt(ymd.group(1)), Integer.parseInt(ymd.group(3)), Integer.parseInt(ymd.group(4)))
                    .ifPresent(date -> add(readings, taken, new Reading(date, 80, ymd.start(), ymd.end())));
        }
        Matcher numeric = NUMERIC.matcher(line);
        while (numeric.find()) {
            int a = Integer.parseInt(numeric.group(1));
            int b = Integer.parseInt(numeric.group(3));
            String yearText = numeric.group(4);
            int year = year(yearText);
            int start = numeric.start();
            int end = numeric.end();
            if (order == Order.YEAR_FIRST && yearText.length() == 2) {
                // 25/01/15 in Japan is 15 January 2025
                date(year(numeric.group(1)), b, Integer.parseInt(yearText))
                        .ifPresent(date -> add(readings, taken, new Reading(date, 65, start, end)));
            }
            Optional<LocalDate> dayFirst = date(year, b, a);
            Optional<LocalDate> monthFirst = date(year, a, b);
            if (a == b || dayFirst.isEmpty() || monthFirst.isEmpty()) {
                dayFirst.or(() -> monthFirst).ifPresent(date -> add(readings, taken, new Reading(date, 78, start, end)));
            } else {
                boolean preferMonth = order == Order.MONTH_FIRST;
                add(readings, taken, new Reading(preferMonth ? monthFirst.get() : dayFirst.get(), 60, start, end));
                readings.add(new Reading(preferMonth ? dayFirst.get() : monthFirst.get(), 35, start, end));
            }
        }
        Matcher dayName = DAY_NAME_YEAR.matcher(line);
        while (dayName.find()) {
            Optional<Integer> month = month(dayName.group(2));
            if (month.isPresent()) {
                date(year(dayName.group(3)), month.get(), Integer.parseInt(dayName.group(1)))
                        .ifPresent(date -> add(readings, taken, new Reading(date, 82, dayName.start(), dayName.end())));
            }
        }
        Matcher nameDay = NAME_DAY_YEAR.matcher(line);
        while (nameDay.find()) {
            Optional<Integer> month = month(nameDay.group(1));
            if (month.isPresent()) {
                date(year(nameDay.group(3)), month.get(), Integer.parseInt(nameDay.group(2)))
                        .ifPresent(date -> add(readings, taken, new Reading(date, 82, nameDay.start(), nameDay.end())));
            }
        }
        return readings;
    }

    /** Adds a reading unless an earlier one covers the same text (a date is read once, by its first pattern). */
    private static void add(List<Reading> readings, Set<Integer> taken, Reading reading) {
        for (int at = reading.start(); at < reading.end(); at++) {
            if (taken.contains(at)) {
                return;
            }
        }
        for (int at = reading.start(); at < reading.end(); at++) {
            taken.add(at);
        }
        readings.add(reading);
    }

    static String fixSlips(String line) {
        return ZERO_SLIP.matcher(line).replaceAll("0");
    }

    static Order orderOf(Locale locale) {
        if (MONTH_FIRST_COUNTRIES.contains(locale.getCountry())) {
            return Order.MONTH_FIRST;
        }
        if (YEAR_FIRST_COUNTRIES.contains(locale.getCountry())) {
            return Order.YEAR_FIRST;
        }
        return Order.DAY_FIRST;
    }

    static boolean plausible(LocalDate date, LocalDate today) {
        return !date.isAfter(today.plusDays(1)) && !date.isBefore(today.minusYears(MAX_YEARS_OLD));
    }

    private static int year(String text) {
        int year = Integer.parseInt(text);
        return text.length() <= 2 ? 2000 + year : year;
    }

    private static Optional<LocalDate> date(int year, int month, int day) {
        try {
            return Optional.of(LocalDate.of(year, month, day));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    static Optional<Integer> month(String word) {
        String w = Normalizer.normalize(word, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
        if (w.length() < 3) {
            return Optional.empty();
        }
        Set<Integer> months = new HashSet<>();
        MONTH_NAMES.forEach((name, month) -> {
            if (name.equals(w) || name.startsWith(w)) {
                months.add(month);
            }
        });
        return months.size() == 1 ? Optional.of(months.iterator().next()) : Optional.empty();
    }
}
