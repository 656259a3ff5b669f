package app.booksflow.testdata.receipts;

import static org.assertj.core.api.Assertions.assertThat;

import app.booksflow.testdata.receipts.Degradation.Step;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ReceiptGeneratorTest {

    private static final long SEED = 20_251_126L;
    /** Choices are cheap (no pixels): enough of them to reach every value. */
    private static final List<ReceiptGenerator.Choices> DRAWN = IntStream.range(0, 3_000)
            .mapToObj(index -> ReceiptGenerator.choose(SEED, index, ReceiptOptions.REALISTIC)).toList();

    @ParameterizedTest
    @EnumSource(FileFormat.class)
    void theSameSeedAndIndexGiveTheSameBytesAndTruth(FileFormat format) {
        ReceiptOptions options = ReceiptOptions.REALISTIC.withFormat(format).withMix(DegradationMix.STRESS);
        for (int index : new int[] {3, 17}) {
            LabeledReceipt first = ReceiptGenerator.generate(SEED, index, options);
            LabeledReceipt again = ReceiptGenerator.generate(SEED, index, options);

            assertThat(again.truth()).isEqualTo(first.truth());
            assertThat(again.bytes()).as(first.truth().file()).isEqualTo(first.bytes());
        }
    }

    @Test
    void anotherSeedOrIndexGivesAnotherReceipt() {
        ReceiptTruth receipt = ReceiptGenerator.generate(SEED, 5).truth();

        assertThat(ReceiptGenerator.generate(SEED + 1, 5).truth()).isNotEqualTo(receipt);
        assertThat(ReceiptGenerator.generate(SEED, 6).truth()).isNotEqualTo(receipt);
    }

    @Test
    void theDegradationMixLeavesTheContentAlone() {
        ReceiptTruth realistic = ReceiptGenerator.generate(SEED, 9, ReceiptOptions.REALISTIC.withFormat(FileFormat.PNG)).truth();
        ReceiptTruth stressed = ReceiptGenerator.generate(SEED, 9,
                ReceiptOptions.REALISTIC.withFormat(FileFormat.PNG).withMix(DegradationMix.STRESS)).truth();

        assertThat(stressed.vendor()).isEqualTo(realistic.vendor());
        assertThat(stressed.total()).isEqualTo(realistic.total());
        assertThat(stressed.dateText()).isEqualTo(realistic.dateText());
        assertThat(stressed.degradations()).isNotEqualTo(realistic.degradations());
    }

    @Test
    void everyCountryLayoutFormatAndDatePatternIsDrawn() {
        assertThat(DRAWN.stream().map(choices -> choices.composed().country()).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder(ReceiptCountry.values());
        assertThat(DRAWN.stream().map(choices -> choices.composed().layout()).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder(Layout.values());
        assertThat(DRAWN.stream().map(ReceiptGenerator.Choices::format).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder(FileFormat.values());
        assertThat(DRAWN.stream().map(choices -> choices.composed().datePattern()).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder(DatePattern.values());
        assertThat(DRAWN.stream().map(choices -> choices.font().family()).collect(Collectors.toSet()))
                .containsAll(ReceiptFont.PICTURE_FAMILIES).contains("Helvetica", "Courier", "Times-Roman");
    }

    @Test
    void everyDegradationOccursInTheRealisticSet() {
        Set<Degradation> seen = DRAWN.stream().flatMap(choices -> choices.plan().steps().stream()).map(Step::kind)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Degradation.class)));

        assertThat(seen).containsExactlyInAnyOrder(Degradation.values());
    }

    @Test
    void theRealisticMixIsMostlyCleanAndSometimesHeavy() {
        List<Degrader.Plan> plans = DRAWN.stream().filter(choices -> choices.format() != FileFormat.PDF_DIGITAL)
                .map(ReceiptGenerator.Choices::plan).toList();
        long untouched = plans.stream().filter(plan -> plan.steps().isEmpty()).count();
        long cleanish = plans.stream().filter(plan -> plan.steps().size() <= 1 && !plan.heavy()).count();
        long several = plans.stream().filter(plan -> plan.steps().size() >= 2).count();
        long heavy = plans.stream().filter(Degrader.Plan::heavy).count();

        assertThat((double) untouched / plans.size()).isBetween(0.40, 0.50);
        assertThat((double) cleanish / plans.size()).isBetween(0.60, 0.80);
        assertThat((double) several / plans.size()).isBetween(0.20, 0.35);
        assertThat((double) heavy / plans.size()).isBetween(0.03, 0.20);
        assertThat(plans.stream().filter(plan -> plan.steps().stream().filter(step -> step.kind().isRotation()).count() > 1))
                .isEmpty();
    }

    @Test
    void aCleanMixDegradesNothing() {
        assertThat(IntStream.range(0, 200).mapToObj(index ->
                ReceiptGenerator.choose(SEED, index, ReceiptOptions.REALISTIC.withMix(DegradationMix.CLEAN))))
                .allSatisfy(choices -> assertThat(choices.plan().steps()).isEmpty());
    }

    @Test
    void forcedDegradationsAreExactlyTheOnesApplied() {
        ReceiptTruth truth = ReceiptGenerator.generate(SEED, 1, ReceiptOptions.REALISTIC.withFormat(FileFormat.PNG)
                .withDegradations(Degradation.NOISE, Degradation.SKEW, Degradation.ROTATE_270)).truth();

        assertThat(truth.degradations()).map(Step::kind)
                .containsExactly(Degradation.SKEW, Degradation.NOISE, Degradation.ROTATE_270);
        assertThat(truth.rotation()).isEqualTo(270);
        assertThat(Math.abs(truth.skew())).isBetween(1.0, 4.0);
    }

    @ParameterizedTest
    @EnumSource(ReceiptCountry.class)
    void everyReceiptAddsUp(ReceiptCountry country) {
        for (Layout layout : Layout.values()) {
            for (int index = 0; index < 40; index++) {
                ReceiptComposer.Composed c = ReceiptGenerator.choose(SEED, index,
                        ReceiptOptions.REALISTIC.withCountry(country).withLayout(layout)).composed();
                String what = country + " " + layout + " #" + index;

                assertThat(c.itemAmounts().stream().mapToLong(Long::longValue).sum()).as(what).isEqualTo(c.subtotal());
                if (c.taxIncluded()) {
                    assertThat(c.subtotal() + c.serviceCharge()).as(what).isEqualTo(c.total());
                    assertThat(c.tax()).as(what).isEqualTo(BigDecimal.valueOf(c.total()).multiply(c.taxRate())
                            .divide(c.taxRate().add(BigDecimal.valueOf(100)), 0, RoundingMode.HALF_UP).longValueExact());
                } else {
                    assertThat(c.subtotal() + c.serviceCharge() + c.tax() + c.tip()).as(what).isEqualTo(c.total());
                    assertThat(c.tax()).as(what).isEqualTo(BigDecimal.valueOf(c.subtotal() + c.serviceCharge())
                            .multiply(c.taxRate()).divide(BigDecimal.valueOf(100), 0, RoundingMode.HALF_UP).longValueExact());
                }
                if (c.cash() > 0) {
                    assertThat(c.cash() - c.change()).as(what).isEqualTo(c.total());
                    assertThat(c.change()).as(what).isNotNegative();
                } else {
                    assertThat(c.change()).as(what).isZero();
                }
                assertThat(c.total()).as(what).isPositive();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(ReceiptCountry.class)
    void theTruthIsPrintedOnTheReceipt(ReceiptCountry country) {
        for (Layout layout : Layout.values()) {
            for (int index = 0; index < 25; index++) {
                ReceiptComposer.Composed c = ReceiptGenerator.choose(SEED, index,
                        ReceiptOptions.REALISTIC.withCountry(country).withLayout(layout)).composed();
                List<String> texts = c.sheet().lines().stream().flatMap(line -> line.cells().stream())
                        .map(Sheet.Cell::text).toList();
                String what = country + " " + layout + " #" + index;

                assertThat(texts.get(0)).as(what).isEqualTo(c.vendor());
                assertThat(texts).as(what).anyMatch(text -> text.contains(c.dateText()));
                assertThat(texts).as(what).contains(c.totalText());
                assertThat(c.totalText()).as(what).contains(number(country, c.total()));
                assertThat(texts).as(what).anyMatch(text -> text.contains(number(country, c.tax())));
                for (long item : c.itemAmounts()) {
                    assertThat(texts).as(what).contains(number(country, item));
                }
                assertThat(c.dateText()).as(what).isEqualTo(c.datePattern().format(c.date()));
                if (layout != Layout.INVOICE) {
                    assertThat(country.datePatterns()).as(what).contains(c.datePattern());
                }
                // Latin script only: the OCR reads with English data.
                assertThat(String.join("", texts).chars()).as(what).allMatch(ch -> ch < 0x180 || ch == '€');
            }
        }
    }

    @Test
    void amountsHaveTheCurrencysDecimals() {
        for (ReceiptCountry country : ReceiptCountry.values()) {
            ReceiptTruth truth = ReceiptGenerator.generate(SEED, 2, ReceiptOptions.REALISTIC.withCountry(country)
                    .withFormat(FileFormat.PDF_DIGITAL)).truth();
            int decimals = country == ReceiptCountry.JAPAN ? 0 : 2;

            assertThat(truth.currency()).isEqualTo(country.currency().getCurrencyCode());
            assertThat(List.of(truth.total(), truth.tax(), truth.subtotal(), truth.tip(), truth.cash(), truth.change()))
                    .allSatisfy(amount -> assertThat(amount.scale()).isEqualTo(decimals));
        }
        assertThat(ReceiptCountry.JAPAN.formatMoney(new BigDecimal("12345"))).isEqualTo("¥12,345");
        assertThat(ReceiptCountry.GERMANY.formatMoney(new BigDecimal("1234.50"))).isEqualTo("1.234,50 €");
        assertThat(ReceiptCountry.FRANCE.formatNumber(new BigDecimal("1234.50"))).isEqualTo("1 234,50");
        assertThat(ReceiptCountry.SINGAPORE.formatMoney(new BigDecimal("8.10"))).isEqualTo("S$8.10");
    }

    @Test
    void vendorsVary() {
        Set<String> vendors = new HashSet<>();
        DRAWN.forEach(choices -> vendors.add(choices.composed().vendor()));

        assertThat(vendors).hasSizeGreaterThan(400);
    }

    private static String number(ReceiptCountry country, long minor) {
        return country.formatNumber(BigDecimal.valueOf(minor, country.decimals()));
    }
}
