package app.booksflow.desktop.ocr;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Turned, slanted and tiny receipts through the real Tesseract, with and without the preparation steps. */
class PreprocessingTest {

    private static OcrEngine prepared;
    private static OcrEngine plain;

    @TempDir
    Path folder;

    @BeforeAll
    static void startEngines() {
        prepared = new OcrEngine(OcrEngine.Settings.forThisMachine().withWorkers(1));
        plain = new OcrEngine(OcrEngine.Settings.forThisMachine().withWorkers(1).withPreprocessing(Preprocessing.NONE));
    }

    @AfterAll
    static void stopEngines() {
        prepared.close();
        plain.close();
    }

    @ParameterizedTest(name = "turned {0} quarter(s) clockwise")
    @ValueSource(ints = {1, 2, 3})
    void readsAReceiptTurnedSidewaysOrUpsideDown(int quarters) throws Exception {
        BufferedImage upright = PagePictures.gray(ReceiptFiles.draw(ReceiptFiles.RECEIPT));
        Path file = png(PagePictures.quarterTurn(upright, quarters), "turned.png");

        assertThat(text(prepared, file)).contains("CORNER CAFE", "TOTAL", "12.34");
    }

    @Test
    void withoutOrientationAnUpsideDownReceiptIsNotRead() throws Exception {
        BufferedImage upright = PagePictures.gray(ReceiptFiles.draw(ReceiptFiles.RECEIPT));
        Path file = png(PagePictures.quarterTurn(upright, 2), "upside-down.png");

        assertThat(text(plain, file)).doesNotContain("CORNER CAFE").doesNotContain("12.34");
    }

    @ParameterizedTest(name = "slanted {0} degrees")
    @ValueSource(doubles = {-9, 6})
    void readsASlantedReceipt(double degrees) throws Exception {
        BufferedImage upright = PagePictures.gray(ReceiptFiles.draw(ReceiptFiles.RECEIPT));
        Path file = png(PagePictures.rotate(upright, degrees), "slanted.png");

        assertThat(text(prepared, file)).contains("CORNER CAFE", "Coffee 3.50", "TOTAL 12.34");
    }

    @Test
    void readsTinyPrint() throws Exception {
        Path file = png(ReceiptFiles.draw(ReceiptFiles.RECEIPT, 7), "tiny.png");

        assertThat(text(prepared, file)).contains("CORNER CAFE", "12.34", "3.50");
    }

    @Test
    void withoutUpscalingTinyPrintIsMisread() throws Exception {
        Path file = png(ReceiptFiles.draw(ReceiptFiles.RECEIPT, 7), "tiny.png");

        assertThat(text(plain, file)).doesNotContain("CORNER CAFE").doesNotContain("12.34");
    }

    @Test
    void readsAScannedPdfPageThatLiesOnItsSide() throws Exception {
        BufferedImage sideways = PagePictures.quarterTurn(PagePictures.gray(ReceiptFiles.draw(ReceiptFiles.RECEIPT)), 3);
        Path file = ReceiptFiles.scannedPdf(folder, "sideways.pdf", sideways);

        assertThat(text(prepared, file)).contains("CORNER CAFE", "12.34");
    }

    private Path png(BufferedImage image, String name) throws Exception {
        Path file = folder.resolve(name);
        ImageIO.write(image, "png", file.toFile());
        return file;
    }

    private static String text(OcrEngine engine, Path file) throws InterruptedException {
        OcrOutcome outcome = engine.read(file);
        assertThat(outcome).isInstanceOf(OcrOutcome.Read.class);
        return ((OcrOutcome.Read) outcome).text();
    }
}
