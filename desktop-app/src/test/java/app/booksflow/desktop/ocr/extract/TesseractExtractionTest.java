package app.booksflow.desktop.ocr.extract;

import static org.assertj.core.api.Assertions.assertThat;

import app.booksflow.desktop.ocr.OcrEngine;
import app.booksflow.desktop.ocr.OcrOutcome;
import app.booksflow.desktop.ocr.ReceiptFiles;
import app.booksflow.model.money.Money;
import app.booksflow.model.receipt.Extracted;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Receipts drawn by the test, read by the real Tesseract, their fields extracted from what it read. */
class TesseractExtractionTest {

    private static final LocalDate TODAY = LocalDate.of(2025, 6, 20);
    private static OcrEngine engine;

    @TempDir
    Path folder;

    @BeforeAll
    static void startEngine() {
        engine = new OcrEngine(OcrEngine.Settings.forThisMachine().withWorkers(1));
    }

    @AfterAll
    static void stopEngine() {
        engine.close();
    }

    private Extraction ocr(String name, List<String> lines, Locale locale) throws Exception {
        Path file = ReceiptFiles.png(folder, name, lines);
        OcrOutcome.Read read = (OcrOutcome.Read) engine.submit(file).get();
        return FieldExtractor.extract(ReceiptText.of(read), ExtractionContext.of(locale, TODAY));
    }

    @Test
    void readsEveryFieldOfABritishTillReceipt() throws Exception {
        Extraction read = ocr("tesco.png", List.of(
                "HARBOUR BOOKS",
                "12 High Street, London",
                "Tel 020 7946 0958",
                "Date: 03/02/2025 09:15",
                "Notebook         4.20",
                "Pens             2.80",
                "SUBTOTAL         7.00",
                "VAT 20%          1.40",
                "TOTAL          £8.40",
                "CASH           10.00",
                "CHANGE          1.60"), Locale.UK);

        assertThat(read.vendor().map(Extracted::value)).contains("HARBOUR BOOKS");
        assertThat(read.date().map(Extracted::value)).contains(LocalDate.of(2025, 2, 3));
        assertThat(read.total().map(Extracted::value)).contains(Money.of("8.40", "GBP"));
        assertThat(read.tax().map(Extracted::value)).contains(Money.of("1.40", "GBP"));
        assertThat(read.currency().map(e -> e.value().getCurrencyCode())).contains("GBP");
        assertThat(read.total().orElseThrow().confidence().percent()).isGreaterThanOrEqualTo(85);
        assertThat(read.rawText()).contains("HARBOUR BOOKS");
    }

    @Test
    void readsAGermanReceiptWithCommaDecimalsAndTheTaxInside() throws Exception {
        Extraction read = ocr("baecker.png", List.of(
                "Baeckerei Sonnenschein",
                "Hauptstrasse 5, 10115 Berlin",
                "Datum 15.01.2025 08:12",
                "Kaffee            2,50",
                "Croissant         1,40",
                "SUMME EUR         3,90",
                "MwSt 7%           0,26"), Locale.GERMANY);

        assertThat(read.vendor().map(Extracted::value)).contains("Baeckerei Sonnenschein");
        assertThat(read.date().map(Extracted::value)).contains(LocalDate.of(2025, 1, 15));
        assertThat(read.total().map(Extracted::value)).contains(Money.of("3.90", "EUR"));
        assertThat(read.tax().map(Extracted::value)).contains(Money.of("0.26", "EUR"));
    }
}
