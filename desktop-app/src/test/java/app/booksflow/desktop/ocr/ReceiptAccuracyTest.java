package app.booksflow.desktop.ocr;

import static org.assertj.core.api.Assertions.assertThat;

import app.booksflow.desktop.bench.BenchReceipts;
import app.booksflow.desktop.bench.LabeledReceipt;
import app.booksflow.desktop.bench.ReceiptAccuracy;
import app.booksflow.desktop.bench.ReceiptAccuracy.Field;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A small labeled set read end to end (files, preparation, Tesseract, field extraction): accuracy per field
 * must stay above a floor, so a change that makes reading worse fails here rather than in the benchmark.
 * The floors sit under what this set reaches today (total 95 %, date 100 %, vendor 85 %, currency 100 %;
 * one receipt is 5 %); docs/PERFORMANCE.md has the full benchmark.
 */
class ReceiptAccuracyTest {

    private static final int RECEIPTS = 20;
    private static final long SEED = 7;

    @TempDir
    Path folder;

    @Test
    void fieldsAreReadAtLeastAsWellAsBefore() throws Exception {
        List<LabeledReceipt> receipts = BenchReceipts.labeled(folder, RECEIPTS, SEED);
        ReceiptAccuracy.Report report;
        try (OcrEngine engine = new OcrEngine(OcrEngine.Settings.forThisMachine().withWorkers(2))) {
            report = ReceiptAccuracy.measure(receipts, engine, LocalDate.of(2026, 11, 26));
        }
        String described = ReceiptAccuracy.describe(report, List.of("degradation"), 30);

        assertThat(report.overall(Field.TOTAL).percent()).as(described).isGreaterThanOrEqualTo(85);
        assertThat(report.overall(Field.DATE).percent()).as(described).isGreaterThanOrEqualTo(90);
        assertThat(report.overall(Field.VENDOR).percent()).as(described).isGreaterThanOrEqualTo(75);
        assertThat(report.overall(Field.CURRENCY).percent()).as(described).isGreaterThanOrEqualTo(90);
    }
}
