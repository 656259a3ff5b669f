package app.booksflow.desktop.ocr.extract;

import static org.assertj.core.api.Assertions.assertThat;

import app.booksflow.model.money.Money;
import app.booksflow.model.receipt.Extracted;
import java.time.LocalDate;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Whole receipts as each country prints them: every field read, each cross-check visible in the confidence. */
class CountryReceiptsTest {

    static final LocalDate TODAY = LocalDate.of(2025, 6, 20);

    static Extraction read(String text, Locale locale) {
        return FieldExtractor.extract(ReceiptText.of(text), ExtractionContext.of(locale, TODAY));
    }

    static String total(Extraction extraction) {
        return extraction.total().map(Extracted::value).map(Money::toString).orElse("none");
    }

    static String tax(Extraction extraction) {
        return extraction.tax().map(Extracted::value).map(Money::toString).orElse("none");
    }

    static int confidence(java.util.Optional<? extends Extracted<?>> field) {
        return field.map(f -> f.confidence().percent()).orElse(-1);
    }

    @Test
    void readsAnAmericanSupermarketReceipt() {
        Extraction read = read("""
                WALMART
                Supercenter
                1234 Main St
                Springfield, IL 62701
                Tel (217) 555-0134
                01/05/2025 14:32
                Milk 2% $3.49
                Bread $2.50
                Eggs 12 ct $4.99
                SUBTOTAL $10.98
                TAX 7% $0.77
                TOTAL $11.75
                CASH $20.00
                CHANGE $8.25
                """, Locale.US);

        assertThat(read.vendor().orElseThrow().value()).isEqualTo("WALMART");
        assertThat(read.date().orElseThrow().value()).as("month first in the US").isEqualTo(LocalDate.of(2025, 1, 5));
        assertThat(total(read)).isEqualTo("11.75 USD");
        assertThat(tax(read)).isEqualTo("0.77 USD");
        assertThat(read.currency().orElseThrow().value().getCurrencyCode()).isEqualTo("USD");
        assertThat(confidence(read.total())).as("subtotal + tax, cash - change and the items agree").isGreaterThanOrEqualTo(95);
        assertThat(confidence(read.tax())).isGreaterThanOrEqualTo(90);
    }

    @Test
    void readsABritishReceiptWithVatIncluded() {
        Extraction read = read("""
                TESCO STORES LTD
                12 High Street
                London SW1A 1AA
                VAT Reg No: GB 123 4567 89
                Date: 03/02/2025 09:15
                Sandwich £3.50
                Crisps £1.20
                Water £1.00
                TOTAL £5.70
                VISA £5.70
                VAT 20% £0.95
                Card ************4417
                """, Locale.UK);

        assertThat(read.vendor().orElseThrow().value()).isEqualTo("TESCO STORES LTD");
        assertThat(read.date().orElseThrow().value()).as("day first in the UK").isEqualTo(LocalDate.of(2025, 2, 3));
        assertThat(total(read)).isEqualTo("5.70 GBP");
        assertThat(tax(read)).isEqualTo("0.95 GBP");
        assertThat(confidence(read.tax())).as("20 % of the gross checks out").isGreaterThanOrEqualTo(90);
    }

    @Test
    void readsAGermanBakeryReceipt() {
        Extraction read = read("""
                Bäckerei Müller GmbH
                Hauptstraße 5
                10115 Berlin
                Tel. 030 1234567
                Datum: 15.01.2025 Zeit: 08:12
                Brötchen 2x 0,45 0,90
                Kaffee 2,50
                Croissant 1,40
                SUMME EUR 4,80
                Bar 10,00
                Rückgeld 5,20
                MwSt 7% 0,31
                """, Locale.GERMANY);

        assertThat(read.vendor().orElseThrow().value()).isEqualTo("Bäckerei Müller GmbH");
        assertThat(read.date().orElseThrow().value()).isEqualTo(LocalDate.of(2025, 1, 15));
        assertThat(total(read)).isEqualTo("4.80 EUR");
        assertThat(tax(read)).isEqualTo("0.31 EUR");
        assertThat(confidence(read.total())).isGreaterThanOrEqualTo(95);
    }

    @Test
    void readsAFrenchSupermarketReceipt() {
        Extraction read = read("""
                CARREFOUR MARKET
                15 Rue de la Paix
                75002 Paris
                Le 05/03/2025 à 18h42
                Pain 1,20
                Fromage 4,35
                TOTAL TTC 5,55 €
                TVA 5,5% 0,29
                CB 5,55 €
                """, Locale.FRANCE);

        assertThat(read.vendor().orElseThrow().value()).isEqualTo("CARREFOUR MARKET");
        assertThat(read.date().orElseThrow().value()).isEqualTo(LocalDate.of(2025, 3, 5));
        assertThat(total(read)).isEqualTo("5.55 EUR");
        assertThat(tax(read)).isEqualTo("0.29 EUR");
        assertThat(read.currency().orElseThrow().value().getCurrencyCode()).isEqualTo("EUR");
    }

    @Test
    void readsAnAustralianTaxInvoiceWithGstIncluded() {
        Extraction read = read("""
                WOOLWORTHS
                Metro Sydney
                ABN 88 000 014 675
                TAX INVOICE
                Date 07/04/2025
                Apples $4.50
                Milk $2.10
                TOTAL $6.60
                GST included in total $0.60
                EFTPOS $6.60
                """, Locale.of("en", "AU"));

        assertThat(read.vendor().orElseThrow().value()).isEqualTo("WOOLWORTHS");
        assertThat(read.date().orElseThrow().value()).isEqualTo(LocalDate.of(2025, 4, 7));
        assertThat(total(read)).isEqualTo("6.60 AUD");
        assertThat(tax(read)).isEqualTo("0.60 AUD");
        assertThat(read.currency().orElseThrow().value().getCurrencyCode()).as("$ in Australia").isEqualTo("AUD");
    }

    @Test
    void readsASingaporeReceiptInSingaporeDollars() {
        Extraction read = read("""
                FAIRPRICE FINEST
                Bukit Timah Plaza
                Singapore 588996
                GST Reg No: M2-0001234-5
                Date: 12-05-2025 13:05
                Noodles S$3.40
                Kopi S$1.60
                Subtotal S$5.00
                GST 9% S$0.45
                TOTAL S$5.45
                NETS S$5.45
                """, Locale.UK);

        assertThat(read.vendor().orElseThrow().value()).isEqualTo("FAIRPRICE FINEST");
        assertThat(read.date().orElseThrow().value()).isEqualTo(LocalDate.of(2025, 5, 12));
        assertThat(total(read)).isEqualTo("5.45 SGD");
        assertThat(tax(read)).isEqualTo("0.45 SGD");
        assertThat(read.currency().orElseThrow().value().getCurrencyCode()).isEqualTo("SGD");
    }

    @Test
    void readsAJapaneseReceiptInWholeYen() {
        Extraction read = read("""
                LAWSON
                Shibuya 2-chome
                TEL 03-1234-5678
                2025/06/01 12:30
                Onigiri ¥150
                Green Tea ¥130
                Subtotal ¥280
                Tax 8% ¥22
                TOTAL ¥302
                CASH ¥500
                CHANGE ¥198
                """, Locale.JAPAN);

        assertThat(read.vendor().orElseThrow().value()).isEqualTo("LAWSON");
        assertThat(read.date().orElseThrow().value()).isEqualTo(LocalDate.of(2025, 6, 1));
        assertThat(total(read)).isEqualTo("302 JPY");
        assertThat(tax(read)).isEqualTo("22 JPY");
        assertThat(confidence(read.total())).isGreaterThanOrEqualTo(95);
    }

    @Test
    void readsAJapaneseTotalWithThousandsSeparators() {
        Extraction read = read("""
                YOSHINOYA
                2025/06/02
                Gyudon ¥1,200
                TOTAL ¥1,320
                Tax 10% ¥120
                """, Locale.JAPAN);

        assertThat(total(read)).isEqualTo("1320 JPY");
        assertThat(tax(read)).isEqualTo("120 JPY");
    }
}
