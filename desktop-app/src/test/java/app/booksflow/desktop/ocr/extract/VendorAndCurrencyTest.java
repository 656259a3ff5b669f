package app.booksflow.desktop.ocr.extract;

import static org.assertj.core.api.Assertions.assertThat;

import app.booksflow.model.receipt.Extracted;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VendorAndCurrencyTest {

    private static Optional<String> vendor(String... lines) {
        return VendorReader.read(List.of(lines)).map(Extracted::value);
    }

    @Test
    void theVendorIsTheFirstLineThatReadsLikeAName() {
        assertThat(vendor("RECEIPT", "WELCOME TO", "Corner Cafe", "12 High Street", "Tel 020 7946 0958"))
                .contains("Corner Cafe");
        assertThat(vendor("www.cornercafe.example", "VAT Reg No 123 4567 89", "15/01/2025 14:32", "THE CORNER CAFE"))
                .contains("THE CORNER CAFE");
    }

    @Test
    void aStreetWordInANameIsNoAddress() {
        assertThat(vendor("ELM STREET PHARMACY", "251 Main St")).contains("ELM STREET PHARMACY");
        assertThat(vendor("251 Main St", "Denver, CO 80202", "Oak Lane Books")).contains("Oak Lane Books");
        assertThat(vendor("Gartenstr. 414", "50667 Koeln", "Autohof Wagner")).contains("Autohof Wagner");
    }

    @Test
    void noiseAroundTheNameIsCleanedAndATitleBesideItDropped() {
        assertThat(vendor("** CORNER CAFE **")).contains("CORNER CAFE");
        assertThat(vendor("CORNeR CAFE")).contains("CORNER CAFE");
        assertThat(vendor("Keller IT-Service GmbH RECHNUNG")).contains("Keller IT-Service GmbH");
        assertThat(vendor("es es oe es", "Victoria Office Supplies Ltd INVOICE"))
                .contains("Victoria Office Supplies Ltd");
    }

    @Test
    void aGuessFurtherDownIsLessSure() {
        int first = VendorReader.read(List.of("Corner Cafe")).orElseThrow().confidence().percent();
        int third = VendorReader.read(List.of("TAX INVOICE", "Tel 020 7946 0958", "Corner Cafe")).orElseThrow()
                .confidence().percent();

        assertThat(third).isLessThan(first);
    }

    @Test
    void itemsAreNeverTheVendor() {
        assertThat(vendor("12 High Street", "Tel 020 7946 0958", "Table 4 Covers 6", "Staff: Lea", "Reg 2",
                "Gyoza 6pc", "Edamame 3.50")).isEmpty();
    }

    @ParameterizedTest(name = "{0} in {1} is {2}")
    @CsvSource(delimiter = '|', textBlock = """
            TOTAL $12.50      | en-US | USD
            TOTAL $12.50      | en-AU | AUD
            TOTAL $12.50      | en-CA | CAD
            TOTAL $12.50      | en-SG | SGD
            TOTAL S$12.50     | en-GB | SGD
            TOTAL A$12.50     | en-US | AUD
            TOTAL £12.50      | en-US | GBP
            TOTAL 12,50 €     | en-US | EUR
            TOTAL ¥1,200      | ja-JP | JPY
            TOTAL ¥120        | zh-CN | CNY
            TOTAL EUR 12.50   | en-US | EUR
            TOTAL 12.50 USD   | de-DE | USD
            TOTAL 12.50       | de-DE | EUR
            ITEMS $3.00       | en-SG | SGD
            """)
    void theCurrencyComesFromSymbolsCodesAndTheCountry(String line, String locale, String code) {
        Locale client = Locale.forLanguageTag(locale);
        assertThat(CurrencyReader.read(line, client, CurrencyReader.ofLocale(client)).map(Extracted::value)
                .map(Currency::getCurrencyCode)).contains(code);
    }

    @Test
    void theClientsCurrencyIsAWeakGuessAndAPrintedOneAStrongOne() {
        Optional<Currency> pounds = Optional.of(Currency.getInstance("GBP"));

        assertThat(CurrencyReader.read("TOTAL 12.50", Locale.UK, pounds).orElseThrow().confidence().percent())
                .isLessThan(50);
        assertThat(CurrencyReader.read("TOTAL £12.50", Locale.UK, pounds).orElseThrow().confidence().percent())
                .isGreaterThanOrEqualTo(90);
    }

    @Test
    void vendorKeysIgnoreCaseAccentsAndPunctuation() {
        assertThat(VendorKey.of("CORNER CAFÉ")).contains("cornercafe");
        assertThat(VendorKey.of("Corner-Cafe.")).contains("cornercafe");
        assertThat(VendorKey.of("** --")).isEmpty();
    }
}
