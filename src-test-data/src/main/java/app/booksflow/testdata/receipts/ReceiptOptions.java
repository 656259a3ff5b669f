package app.booksflow.testdata.receipts;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * What to fix about generated receipts; anything left empty is drawn from the seed.
 *
 * @param country      the country style, or drawn
 * @param layout       the layout, or drawn
 * @param format       the file format, or drawn
 * @param mix          how degradations are drawn when {@code degradations} is empty
 * @param degradations exactly these degradations (strengths still drawn), or drawn from the mix
 */
public record ReceiptOptions(Optional<ReceiptCountry> country, Optional<Layout> layout, Optional<FileFormat> format,
        DegradationMix mix, Optional<Set<Degradation>> degradations) {

    /** Everything drawn, with the realistic mix of degradations. */
    public static final ReceiptOptions REALISTIC = new ReceiptOptions(Optional.empty(), Optional.empty(),
            Optional.empty(), DegradationMix.REALISTIC, Optional.empty());

    public ReceiptOptions {
        degradations = degradations.map(set -> set.isEmpty() ? Set.<Degradation>of() : Set.copyOf(EnumSet.copyOf(set)));
        if (degradations.isPresent() && degradations.get().stream().filter(Degradation::isRotation).count() > 1) {
            throw new IllegalArgumentException("at most one quarter turn: " + degradations.get());
        }
    }

    public ReceiptOptions withCountry(ReceiptCountry value) {
        return new ReceiptOptions(Optional.of(value), layout, format, mix, degradations);
    }

    public ReceiptOptions withLayout(Layout value) {
        return new ReceiptOptions(country, Optional.of(value), format, mix, degradations);
    }

    public ReceiptOptions withFormat(FileFormat value) {
        return new ReceiptOptions(country, layout, Optional.of(value), mix, degradations);
    }

    public ReceiptOptions withMix(DegradationMix value) {
        return new ReceiptOptions(country, layout, format, value, degradations);
    }

    /** Exactly these degradations; none at all gives a clean picture. Ignored for digital PDFs. */
    public ReceiptOptions withDegradations(Degradation... values) {
        return new ReceiptOptions(country, layout, format, mix,
                Optional.of(values.length == 0 ? Set.of() : EnumSet.of(values[0], values)));
    }
}
