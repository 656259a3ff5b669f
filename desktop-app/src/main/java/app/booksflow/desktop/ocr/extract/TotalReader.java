package app.booksflow.desktop.ocr.extract;

import app.booksflow.model.money.Money;
import app.booksflow.model.receipt.Extracted;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The total and the tax of a receipt, chosen among candidates and checked against each other: the
 * labelled total lines, subtotal + tax, cash - change, the card payment and the sum of the line items.
 * A candidate gains for every check it passes; the confidence says how much agreed (ADR 0020).
 */
final class TotalReader {

    private static final Pattern RATE = Pattern.compile("(\\d{1,2}(?:[.,]\\d{1,3})?)\\s?%");
    private static final Pattern QUANTITY_ONLY = Pattern.compile(
            "^\\s*\\d+\\s*[x@×*]\\s*\\D{0,3}\\d+[.,]\\d{2}\\s*(?:each|ea)?\\s*$", Pattern.CASE_INSENSITIVE);

    /** A line with nothing but an amount, perhaps with its currency. */
    private static final Pattern AMOUNT_ONLY = Pattern.compile("[^\\p{L}]*(?:[A-Z]{3}|[A-Z]{1,2}\\$)?[^\\p{L}]*");

    record Result(Optional<Extracted<Money>> total, Optional<Extracted<Money>> tax) {
    }

    /** One line with its label and the amounts on it. */
    record Line(int index, String text, LineKind kind, List<Amounts.Token> amounts, List<Amounts.Token> all) {

        Optional<BigDecimal> last() {
            return amounts.isEmpty() ? Optional.empty() : Optional.of(amounts.getLast().value());
        }
    }

    private final Currency currency;
    private final int digits;
    private final BigDecimal unit;
    private final List<Line> lines = new ArrayList<>();

    private TotalReader(List<String> text, Currency currency) {
        this.currency = currency;
        this.digits = Math.max(0, currency.getDefaultFractionDigits());
        this.unit = BigDecimal.ONE.movePointLeft(digits);
        for (int i = 0; i < text.size(); i++) {
            String line = text.get(i);
            List<Amounts.Token> found = Amounts.find(line, digits);
            LineKind kind = LineKind.of(line);
            // A price may lose its last digit to OCR ("10.5"); a total or payment that has lost one is no total.
            int least = kind == LineKind.ITEM ? Math.min(1, digits) : digits;
            List<Amounts.Token> money = found.stream()
                    .filter(t -> t.fractionDigits() >= least && t.fractionDigits() <= digits).toList();
            boolean underTaxHead = i > 0 && LineKind.isTaxTableHead(text.get(i - 1));
            if (kind == LineKind.ITEM && (rate(line).isPresent() || underTaxHead) && netTaxGross(money)) {
                kind = LineKind.TAX;
            }
            if (money.isEmpty() && (kind.isTotal() || kind == LineKind.SUBTOTAL)) {
                money = found.stream().filter(t -> t.value().signum() != 0).toList();
            }
            lines.add(new Line(i, line, kind, money, found));
        }
        borrowAmountsFromNextLine();
    }

    /** A row of a tax table: net, tax and gross side by side, the first two adding up to the third. */
    private static boolean netTaxGross(List<Amounts.Token> amounts) {
        for (int i = 0; i + 2 < amounts.size(); i++) {
            if (amounts.get(i).value().add(amounts.get(i + 1).value()).compareTo(amounts.get(i + 2).value()) == 0) {
                return true;
            }
        }
        return false;
    }

    static Result read(List<String> text, Currency currency) {
        return new TotalReader(text, currency).read();
    }

    /** OCR sometimes puts a label and its amount on lines of their own: "TOTAL" then "12.34". */
    private void borrowAmountsFromNextLine() {
        for (int i = 0; i + 1 < lines.size(); i++) {
            Line line = lines.get(i);
            Line next = lines.get(i + 1);
            if (line.kind() != LineKind.ITEM && line.kind() != LineKind.NOT_MONEY && line.amounts().isEmpty()
                    && next.kind() == LineKind.ITEM && !next.amounts().isEmpty()
                    && AMOUNT_ONLY.matcher(next.text()).matches()) {
                lines.set(i, new Line(i, line.text(), line.kind(), next.amounts(), next.all()));
                lines.set(i + 1, new Line(i + 1, next.text(), LineKind.NOT_MONEY, List.of(), List.of()));
            }
        }
    }

    private Result read() {
        Optional<BigDecimal> subtotal = lastOf(LineKind.SUBTOTAL);
        Optional<BigDecimal> cash = lastOf(LineKind.CASH);
        Optional<BigDecimal> change = lastOf(LineKind.CHANGE);
        Optional<BigDecimal> card = lastOf(LineKind.CARD);
        Optional<BigDecimal> items = itemSum();
        BigDecimal extras = lines.stream().filter(l -> l.kind() == LineKind.EXTRA).map(Line::last)
                .flatMap(Optional::stream).map(BigDecimal::abs).reduce(BigDecimal.ZERO, BigDecimal::add);
        Optional<BigDecimal> paid = cash.isPresent() && change.isPresent() ? Optional.of(cash.get().subtract(change.get()))
                : card;
        Map<BigDecimal, Candidate> candidates = new LinkedHashMap<>();
        for (Line line : lines) {
            if (line.kind().isTotal()) {
                line.last().filter(v -> v.signum() > 0).ifPresent(value -> candidates
                        .computeIfAbsent(value.stripTrailingZeros(), Candidate::new)
                        .label(line.kind() == LineKind.GRAND_TOTAL ? 55 : 48));
            }
        }
        boolean labelled = !candidates.isEmpty();
        TaxReading taxes = tax(subtotal, candidates.keySet().stream().findFirst());
        if (subtotal.isPresent() && taxes.amount().isPresent()) {
            candidates.computeIfAbsent(subtotal.get().add(taxes.amount().get()).add(extras).stripTrailingZeros(),
                    Candidate::new);
        }
        paid.ifPresent(value -> candidates.computeIfAbsent(value.stripTrailingZeros(), Candidate::new));
        if (!labelled) {
            largestAmount().ifPresent(value -> candidates.computeIfAbsent(value.stripTrailingZeros(), Candidate::new)
                    .label(15));
            subtotal.ifPresent(value -> candidates.computeIfAbsent(value.stripTrailingZeros(), Candidate::new));
        }
        boolean anyCheck = subtotal.isPresent() || (cash.isPresent() && change.isPresent()) || card.isPresent()
                || items.isPresent();
        Candidate best = null;
        for (Candidate candidate : candidates.values()) {
            BigDecimal v = candidate.value;
            if (subtotal.isPresent() && taxes.amount().isPresent()
                    && (same(subtotal.get().add(taxes.amount().get()).add(extras), v)
                            || same(subtotal.get().add(extras), v) && taxes.rate().isPresent()
                                    && close(inclusiveTax(subtotal.get(), taxes.rate().get()), taxes.amount().get()))) {
                candidate.agree(30);
            } else if (subtotal.isPresent() && same(subtotal.get().add(extras), v) && taxes.amount().isEmpty()) {
                candidate.agree(10);
            } else if (taxes.amount().isPresent() && taxes.rate().isPresent() && subtotal.isEmpty()
                    && close(inclusiveTax(v, taxes.rate().get()), taxes.amount().get())) {
                candidate.agree(20);
            }
            if (paid.isPresent()) {
                if (same(paid.get(), v)) {
                    candidate.agree(30);
                } else {
                    candidate.score -= 25;
                }
            } else if (cash.isPresent() && same(cash.get(), v)) {
                candidate.agree(10);
            }
            if (items.isPresent() && (same(items.get(), v)
                    || (taxes.amount().isPresent() && same(items.get().add(taxes.amount().get()), v)))) {
                candidate.agree(20);
            }
            if (subtotal.isPresent() && v.compareTo(subtotal.get()) < 0) {
                candidate.score -= 30;
            }
            if (best == null || candidate.score > best.score) {
                best = candidate;
            }
        }
        Optional<Extracted<Money>> total = Optional.empty();
        if (best != null && best.score > 0) {
            total = money(best.value).map(m -> Extracted.of(m, totalConfidence(candidatesOf(candidates), anyCheck)));
        }
        Optional<Money> chosen = total.map(Extracted::value);
        Optional<Extracted<Money>> tax = taxes.amount().flatMap(this::money)
                .map(m -> Extracted.of(m, taxes.confidence(chosen, subtotal, this)));
        return new Result(total, tax);
    }

    private static List<Candidate> candidatesOf(Map<BigDecimal, Candidate> candidates) {
        List<Candidate> ranked = new ArrayList<>(candidates.values());
        ranked.sort((a, b) -> Integer.compare(b.score, a.score));
        return ranked;
    }

    private static int totalConfidence(List<Candidate> ranked, boolean anyCheck) {
        Candidate best = ranked.getFirst();
        int confidence;
        if (best.checks > 0) {
            confidence = (best.labelled ? 90 : 65) + 4 * Math.min(best.checks - 1, 2);
        } else if (best.labelled) {
            confidence = anyCheck ? 55 : 78;
        } else {
            confidence = 30;
        }
        if (ranked.size() > 1 && ranked.get(1).score >= best.score - 10 && ranked.get(1).labelled) {
            confidence -= 15;
        }
        return Math.clamp(confidence, 5, 98);
    }

    private Optional<BigDecimal> lastOf(LineKind kind) {
        Optional<BigDecimal> found = Optional.empty();
        for (Line line : lines) {
            if (line.kind() == kind && line.last().isPresent()) {
                found = line.last().map(BigDecimal::abs);
            }
        }
        return found;
    }

    /** The sum of the item lines above the first subtotal or total, when there are at least two. */
    private Optional<BigDecimal> itemSum() {
        BigDecimal sum = BigDecimal.ZERO;
        int count = 0;
        for (Line line : lines) {
            if (line.kind() == LineKind.SUBTOTAL || line.kind().isTotal() || line.kind() == LineKind.TAX
                    || line.kind() == LineKind.TAX_TOTAL) {
                break;
            }
            if (line.kind() == LineKind.ITEM && line.last().isPresent() && endsWithAmount(line)
                    && !QUANTITY_ONLY.matcher(line.text()).matches()) {
                sum = sum.add(line.last().get());
                count++;
            }
        }
        return count >= 2 ? Optional.of(sum) : Optional.empty();
    }

    /** An item's price closes its line (a currency or a tax class letter may follow): "2-chome" is no price. */
    private static boolean endsWithAmount(Line line) {
        String after = line.text().substring(Math.min(line.text().length(), line.amounts().getLast().end())).strip();
        return after.length() <= 3 && after.chars().noneMatch(Character::isDigit);
    }

    private Optional<BigDecimal> largestAmount() {
        return lines.stream().filter(l -> l.kind() != LineKind.CASH && l.kind() != LineKind.NOT_MONEY)
                .flatMap(l -> l.amounts().stream()).map(Amounts.Token::value)
                .filter(v -> v.signum() > 0).max(BigDecimal::compareTo);
    }

    /** The tax lines: a "total tax" line when there is one, else the sum of the tax lines. */
    private TaxReading tax(Optional<BigDecimal> subtotal, Optional<BigDecimal> labelledTotal) {
        Optional<BigDecimal> rate = Optional.empty();
        List<BigDecimal> amounts = new ArrayList<>();
        Optional<BigDecimal> taxTotal = Optional.empty();
        for (Line line : lines) {
            if (line.kind() != LineKind.TAX && line.kind() != LineKind.TAX_TOTAL) {
                continue;
            }
            Optional<BigDecimal> lineRate = rate(line.text());
            if (lineRate.isPresent()) {
                boolean sameRate = rate.isEmpty() || same(rate.get(), lineRate.get());
                rate = sameRate ? lineRate : Optional.of(BigDecimal.valueOf(-1));
            }
            Optional<BigDecimal> amount = taxOnLine(line, lineRate, labelledTotal);
            if (amount.isEmpty()) {
                amount = lostDecimalPoint(line, lineRate, labelledTotal, subtotal);
            }
            if (amount.isEmpty()) {
                continue;
            }
            if (line.kind() == LineKind.TAX_TOTAL) {
                taxTotal = amount;
            } else {
                amounts.add(amount.get());
            }
        }
        Optional<BigDecimal> singleRate = rate.filter(r -> r.signum() > 0);
        if (taxTotal.isPresent()) {
            return new TaxReading(taxTotal, singleRate, amounts.size() + 1);
        }
        if (amounts.isEmpty()) {
            return new TaxReading(Optional.empty(), singleRate, 0);
        }
        BigDecimal sum = amounts.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        if (subtotal.isPresent() && labelledTotal.isPresent() && amounts.size() > 1) {
            BigDecimal expected = labelledTotal.get().subtract(subtotal.get());
            if (!same(sum, expected)) {
                // A tax printed twice (a line and a summary) must not be counted twice.
                for (BigDecimal one : amounts) {
                    if (same(one, expected)) {
                        return new TaxReading(Optional.of(one), singleRate, amounts.size());
                    }
                }
            }
        }
        return new TaxReading(Optional.of(sum), singleRate, amounts.size());
    }

    /**
     * The tax on a tax line: with net, tax and gross on one line the middle one; with a rate the amount
     * that is the rate of another; else the last amount.
     */
    private Optional<BigDecimal> taxOnLine(Line line, Optional<BigDecimal> rate, Optional<BigDecimal> total) {
        List<BigDecimal> values = line.amounts().stream().map(Amounts.Token::value).map(BigDecimal::abs).toList();
        if (values.isEmpty()) {
            return Optional.empty();
        }
        if (values.size() >= 3) {
            for (int i = 0; i + 2 < values.size(); i++) {
                if (same(values.get(i).add(values.get(i + 1)), values.get(i + 2))) {
                    return Optional.of(values.get(i + 1));
                }
            }
        }
        if (values.size() >= 2 && rate.isPresent()) {
            for (BigDecimal tax : values) {
                for (BigDecimal base : values) {
                    if (tax != base && (close(base.multiply(rate.get()).movePointLeft(2), tax)
                            || close(inclusiveTax(base, rate.get()), tax))) {
                        return Optional.of(tax);
                    }
                }
            }
            if (total.isPresent()) {
                BigDecimal expected = inclusiveTax(total.get(), rate.get());
                return values.stream().min((a, b) -> a.subtract(expected).abs().compareTo(b.subtract(expected).abs()));
            }
        }
        return Optional.of(values.getLast());
    }

    /**
     * "VAT 20% 471" where 4.71 was printed: OCR lost the decimal point. Taken only when the rate of the
     * total or subtotal confirms it.
     */
    private Optional<BigDecimal> lostDecimalPoint(Line line, Optional<BigDecimal> rate, Optional<BigDecimal> total,
            Optional<BigDecimal> subtotal) {
        if (digits == 0 || rate.isEmpty() || (total.isEmpty() && subtotal.isEmpty())) {
            return Optional.empty();
        }
        for (Amounts.Token token : line.all()) {
            if (token.decimals() || token.value().signum() <= 0) {
                continue;
            }
            BigDecimal candidate = token.value().movePointLeft(digits);
            boolean confirmed = total.filter(gross -> close(inclusiveTax(gross, rate.get()), candidate)).isPresent()
                    || subtotal.filter(net -> close(net.multiply(rate.get()).movePointLeft(2), candidate)).isPresent();
            if (confirmed) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    static Optional<BigDecimal> rate(String line) {
        Matcher m = RATE.matcher(line);
        if (m.find()) {
            BigDecimal rate = new BigDecimal(m.group(1).replace(',', '.'));
            if (rate.signum() > 0 && rate.compareTo(BigDecimal.valueOf(30)) <= 0) {
                return Optional.of(rate);
            }
        }
        return Optional.empty();
    }

    private BigDecimal inclusiveTax(BigDecimal gross, BigDecimal rate) {
        return gross.multiply(rate).divide(rate.add(BigDecimal.valueOf(100)), digits, RoundingMode.HALF_EVEN);
    }

    private static boolean same(BigDecimal a, BigDecimal b) {
        return a.compareTo(b) == 0;
    }

    /** Equal to within one minor unit: a tax worked out from a rate may round either way. */
    private boolean close(BigDecimal a, BigDecimal b) {
        return a.subtract(b).abs().compareTo(unit) <= 0;
    }

    private Optional<Money> money(BigDecimal value) {
        try {
            return Optional.of(Money.of(value.setScale(digits, RoundingMode.UNNECESSARY), currency));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static final class Candidate {
        final BigDecimal value;
        int score;
        int checks;
        boolean labelled;

        Candidate(BigDecimal value) {
            this.value = value;
        }

        Candidate label(int strength) {
            if (strength > 20) {
                labelled = true;
            }
            score = Math.max(score, strength) + (score > 0 ? 5 : 0);
            return this;
        }

        void agree(int weight) {
            score += weight;
            checks++;
        }
    }

    private record TaxReading(Optional<BigDecimal> amount, Optional<BigDecimal> rate, int lines) {

        int confidence(Optional<Money> total, Optional<BigDecimal> subtotal, TotalReader reader) {
            BigDecimal tax = amount.orElseThrow();
            boolean checked = false;
            boolean checkable = false;
            if (total.isPresent() && subtotal.isPresent()) {
                checkable = true;
                checked = same(subtotal.get().add(tax), total.get().amount());
            }
            if (!checked && total.isPresent() && rate.isPresent()) {
                checkable = true;
                checked = reader.close(reader.inclusiveTax(total.get().amount(), rate.get()), tax)
                        || subtotal.filter(net -> reader.close(net.multiply(rate.get()).movePointLeft(2), tax)).isPresent();
            }
            int confidence = checked ? 92 : checkable ? 50 : 70;
            if (lines > 2 && !checked) {
                confidence -= 10;
            }
            return confidence;
        }
    }
}
