package app.booksflow.desktop.bench;

import app.booksflow.desktop.ocr.OcrEngine;
import app.booksflow.desktop.ocr.OcrOutcome;
import app.booksflow.desktop.ocr.extract.Extraction;
import app.booksflow.desktop.ocr.extract.ExtractionContext;
import app.booksflow.desktop.ocr.extract.FieldExtractor;
import app.booksflow.desktop.ocr.extract.ReceiptText;
import app.booksflow.model.money.Money;
import app.booksflow.model.receipt.Extracted;
import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reads labeled receipts through the real OCR and field extraction and counts, per field, how often the
 * value read equals the truth: overall, and per country, layout, format and degradation. Used by the
 * accuracy benchmark and, on a small set, by a test that fails when accuracy falls below a floor.
 */
public final class ReceiptAccuracy {

    public enum Field {
        TOTAL, DATE, VENDOR, TAX, CURRENCY
    }

    /**
     * One receipt's outcome: which fields were right, what was read, how long it took, and whether the
     * vendor, date and total stand in the OCR text as printed (a miss there is OCR's, not extraction's).
     */
    public record Checked(LabeledReceipt receipt, Map<Field, Boolean> right, Map<Field, String> read, long millis,
            String text, Map<Field, Boolean> inText) {
    }

    /** Right and counted, for one field in one group. */
    public static final class Tally {
        int right;
        int counted;

        public double percent() {
            return counted == 0 ? 100 : 100.0 * right / counted;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%5.1f%% (%d/%d)", percent(), right, counted);
        }
    }

    public record Report(List<Checked> receipts, double wallSeconds) {

        public Tally overall(Field field) {
            Tally tally = new Tally();
            receipts.forEach(checked -> count(tally, checked, field));
            return tally;
        }

        /** How often the field's printed text stands in the OCR text (vendor, date, total). */
        public Tally inText(Field field) {
            Tally tally = new Tally();
            for (Checked checked : receipts) {
                Boolean found = checked.inText().get(field);
                if (found != null) {
                    tally.counted++;
                    tally.right += found ? 1 : 0;
                }
            }
            return tally;
        }

        /** How many receipts have total, date and vendor all right. */
        public Tally allThree() {
            Tally tally = new Tally();
            for (Checked checked : receipts) {
                tally.counted++;
                tally.right += checked.right().get(Field.TOTAL) && checked.right().get(Field.DATE)
                        && checked.right().get(Field.VENDOR) ? 1 : 0;
            }
            return tally;
        }

        /** Per value of a group (country, layout...), per field. */
        public Map<String, Map<Field, Tally>> by(String group) {
            Map<String, Map<Field, Tally>> tallies = new TreeMap<>();
            for (Checked checked : receipts) {
                for (String value : checked.receipt().groups().getOrDefault(group, "-").split("\\+")) {
                    Map<Field, Tally> fields = tallies.computeIfAbsent(value, v -> new EnumMap<>(Field.class));
                    for (Field field : Field.values()) {
                        count(fields.computeIfAbsent(field, f -> new Tally()), checked, field);
                    }
                }
            }
            return tallies;
        }

        /** Receipts with total, date and vendor all right, per value of a group. */
        public Map<String, Tally> allThreeBy(String group) {
            Map<String, Tally> tallies = new TreeMap<>();
            for (Checked checked : receipts) {
                for (String value : checked.receipt().groups().getOrDefault(group, "-").split("\\+")) {
                    Tally tally = tallies.computeIfAbsent(value, v -> new Tally());
                    tally.counted++;
                    tally.right += checked.right().get(Field.TOTAL) && checked.right().get(Field.DATE)
                            && checked.right().get(Field.VENDOR) ? 1 : 0;
                }
            }
            return tallies;
        }

        public List<Long> millis() {
            return receipts.stream().map(Checked::millis).toList();
        }

        private static void count(Tally tally, Checked checked, Field field) {
            Boolean right = checked.right().get(field);
            if (right != null) {
                tally.counted++;
                tally.right += right ? 1 : 0;
            }
        }
    }

    private ReceiptAccuracy() {
    }

    /** Reads every receipt on the engine's workers; extraction runs as each file comes back. */
    public static Report measure(List<LabeledReceipt> receipts, OcrEngine engine, LocalDate today) throws Exception {
        long start = System.nanoTime();
        List<Future<OcrOutcome>> futures = receipts.stream().map(r -> engine.submit(r.file())).toList();
        List<Checked> checked = new ArrayList<>();
        for (int i = 0; i < receipts.size(); i++) {
            LabeledReceipt receipt = receipts.get(i);
            OcrOutcome outcome = futures.get(i).get();
            checked.add(check(receipt, outcome, today));
        }
        return new Report(checked, (System.nanoTime() - start) / 1e9);
    }

    static Checked check(LabeledReceipt receipt, OcrOutcome outcome, LocalDate today) {
        Map<Field, Boolean> right = new EnumMap<>(Field.class);
        Map<Field, String> read = new EnumMap<>(Field.class);
        if (!(outcome instanceof OcrOutcome.Read text)) {
            for (Field field : Field.values()) {
                right.put(field, false);
                read.put(field, "refused");
            }
            return new Checked(receipt, right, read, outcome.took().toMillis(), "", Map.of());
        }
        Extraction extraction = FieldExtractor.extract(ReceiptText.of(text),
                ExtractionContext.of(receipt.locale(), today).withClientCurrency(receipt.currency()));
        Optional<Money> total = value(extraction.total());
        right.put(Field.TOTAL, total.map(t -> sameAmount(t, receipt.total())).orElse(false));
        read.put(Field.TOTAL, total.map(t -> t.amount().toPlainString()).orElse("-"));
        Optional<LocalDate> date = value(extraction.date());
        right.put(Field.DATE, date.map(receipt.date()::equals).orElse(false));
        read.put(Field.DATE, date.map(LocalDate::toString).orElse("-"));
        Optional<String> vendor = value(extraction.vendor());
        right.put(Field.VENDOR, vendor.map(v -> sameVendor(v, receipt.vendor())).orElse(false));
        read.put(Field.VENDOR, vendor.orElse("-"));
        Optional<Money> tax = value(extraction.tax());
        right.put(Field.TAX, receipt.tax().isPresent()
                ? tax.map(t -> sameAmount(t, receipt.tax().get())).orElse(false)
                : tax.map(Money::isZero).orElse(true));
        read.put(Field.TAX, tax.map(t -> t.amount().toPlainString()).orElse("-"));
        right.put(Field.CURRENCY, value(extraction.currency()).map(receipt.currency()::equals).orElse(false));
        read.put(Field.CURRENCY, value(extraction.currency()).map(Object::toString).orElse("-"));
        String plain = squeezed(text.text());
        Map<Field, Boolean> inText = new EnumMap<>(Field.class);
        inText.put(Field.VENDOR, plain.contains(squeezed(receipt.vendor())));
        if (!receipt.dateText().isEmpty()) {
            inText.put(Field.DATE, plain.contains(squeezed(receipt.dateText())));
        }
        if (!receipt.totalText().isEmpty()) {
            inText.put(Field.TOTAL, plain.contains(squeezed(receipt.totalText())));
        }
        return new Checked(receipt, right, read, outcome.took().toMillis(), text.text(), inText);
    }

    /** Upper case without spaces: layout and spacing are not what is compared. */
    static String squeezed(String text) {
        return text.toUpperCase(Locale.ROOT).replaceAll("\\s+", "");
    }

    private static <T> Optional<T> value(Optional<Extracted<T>> field) {
        return field.map(Extracted::value);
    }

    private static boolean sameAmount(Money money, BigDecimal truth) {
        return money.amount().compareTo(truth) == 0;
    }

    /** Vendors compare without case, accents, punctuation or spacing: "Café Nord, Ltd" equals "CAFE NORD LTD". */
    static boolean sameVendor(String read, String truth) {
        return Objects.equals(vendorKey(read), vendorKey(truth));
    }

    static String vendorKey(String vendor) {
        String plain = Normalizer.normalize(vendor, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return plain.toUpperCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "");
    }

    /** The report as text: overall, per group, the time per receipt, then the misread fields by cause. */
    public static String describe(Report report, List<String> groups, int examples) {
        StringBuilder out = new StringBuilder();
        int n = report.receipts().size();
        out.append(String.format(Locale.ROOT, "%d receipts in %.1f s; per receipt median %d ms, p95 %d ms%n", n,
                report.wallSeconds(), Stats.percentile(report.millis(), 50), Stats.percentile(report.millis(), 95)));
        for (Field field : Field.values()) {
            Tally inText = report.inText(field);
            out.append(String.format(Locale.ROOT, "  %-8s %s%s%n", field.name().toLowerCase(Locale.ROOT), report.overall(field),
                    inText.counted == 0 ? "" : "   as printed in the OCR text: " + inText));
        }
        out.append(String.format(Locale.ROOT, "  all of total, date and vendor right: %s%n", report.allThree()));
        for (String group : groups) {
            out.append(String.format(Locale.ROOT, "  by %s:%n", group));
            out.append(String.format(Locale.ROOT, "    %-22s %5s %7s %7s %7s %7s %7s%n", "", "n", "total", "date", "vendor",
                    "tax", "currency"));
            report.by(group).forEach((value, fields) -> out.append(String.format(Locale.ROOT,
                    "    %-22s %5d %6.1f%% %6.1f%% %6.1f%% %6.1f%% %6.1f%%%n", value, fields.get(Field.TOTAL).counted,
                    fields.get(Field.TOTAL).percent(), fields.get(Field.DATE).percent(), fields.get(Field.VENDOR).percent(),
                    fields.get(Field.TAX).percent(), fields.get(Field.CURRENCY).percent())));
        }
        if (examples > 0) {
            out.append("  misread (file, field: read / truth):\n");
            Function<Checked, String> name = c -> c.receipt().file().getFileName().toString();
            report.receipts().stream()
                    .filter(c -> c.right().values().stream().anyMatch(r -> !r))
                    .limit(examples)
                    .forEach(c -> out.append("    ").append(name.apply(c)).append(' ').append(c.receipt().groups()).append(": ")
                            .append(c.right().entrySet().stream().filter(e -> !e.getValue())
                                    .map(e -> e.getKey().name().toLowerCase(Locale.ROOT) + " " + c.read().get(e.getKey()) + " / "
                                            + truth(c.receipt(), e.getKey()))
                                    .collect(Collectors.joining("; ")))
                            .append('\n'));
        }
        return out.toString();
    }

    private static String truth(LabeledReceipt receipt, Field field) {
        return switch (field) {
            case TOTAL -> receipt.total().toPlainString();
            case DATE -> receipt.date().toString();
            case VENDOR -> receipt.vendor();
            case TAX -> receipt.tax().map(BigDecimal::toPlainString).orElse("-");
            case CURRENCY -> receipt.currency().toString();
        };
    }
}
