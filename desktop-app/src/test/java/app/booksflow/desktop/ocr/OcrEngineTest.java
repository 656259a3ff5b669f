package app.booksflow.desktop.ocr;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Future;
import java.util.zip.CRC32;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real Tesseract, unpacked from the class path, on receipts the test draws. */
class OcrEngineTest {

    private static OcrEngine engine;

    @TempDir
    Path folder;

    @BeforeAll
    static void startEngine() {
        engine = new OcrEngine(OcrEngine.Settings.forThisMachine().withWorkers(2));
    }

    @AfterAll
    static void stopEngine() {
        engine.close();
    }

    @Test
    void readsAPng() throws Exception {
        OcrOutcome.Read read = read(ReceiptFiles.png(folder, "receipt.png", ReceiptFiles.RECEIPT));

        assertThat(read.kind()).isEqualTo(FileKind.PNG);
        assertThat(read.text()).contains("CORNER CAFE", "TOTAL", "12.34", "3.50");
        assertThat(read.meanConfidence()).isPresent();
        assertThat(read.meanConfidence().getAsDouble()).isGreaterThan(60);
        assertThat(read.took()).isPositive();
    }

    @Test
    void readsAJpeg() throws Exception {
        OcrOutcome.Read read = read(ReceiptFiles.jpeg(folder, "receipt.jpg", ReceiptFiles.RECEIPT));

        assertThat(read.kind()).isEqualTo(FileKind.JPEG);
        assertThat(read.text()).contains("CORNER CAFE", "TOTAL", "12.34");
    }

    @Test
    void readsEveryPageOfATiff() throws Exception {
        OcrOutcome.Read read = read(ReceiptFiles.tiff(folder, "two-pages.tif",
                List.of(ReceiptFiles.RECEIPT, ReceiptFiles.SECOND_PAGE)));

        assertThat(read.kind()).isEqualTo(FileKind.TIFF);
        assertThat(read.pages()).hasSize(2);
        assertThat(read.pages().get(0).text()).contains("CORNER CAFE", "12.34");
        assertThat(read.pages().get(1).text()).contains("HARBOUR BOOKS", "56.78");
    }

    @Test
    void usesTheTextLayerOfADigitalPdf() throws Exception {
        OcrOutcome.Read read = read(ReceiptFiles.digitalPdf(folder, "invoice.pdf", ReceiptFiles.RECEIPT));

        assertThat(read.kind()).isEqualTo(FileKind.PDF);
        assertThat(read.pages()).singleElement().satisfies(page -> {
            assertThat(page.fromTextLayer()).isTrue();
            assertThat(page.text()).contains("CORNER CAFE", "TOTAL 12.34");
        });
    }

    @Test
    void ocrsTheImageOfAScannedPdf() throws Exception {
        OcrOutcome.Read read = read(ReceiptFiles.scannedPdf(folder, "scan.pdf", ReceiptFiles.RECEIPT));

        assertThat(read.pages()).singleElement().satisfies(page -> {
            assertThat(page.fromTextLayer()).isFalse();
            assertThat(page.text()).contains("CORNER CAFE", "TOTAL", "12.34");
            assertThat(page.confidence()).isPresent();
        });
    }

    @Test
    void recognisesTheKindByContentNotByName() throws Exception {
        Path png = ReceiptFiles.png(folder, "receipt.png", ReceiptFiles.RECEIPT);
        Path misnamed = Files.move(png, folder.resolve("receipt.pdf"));

        assertThat(read(misnamed).kind()).isEqualTo(FileKind.PNG);
    }

    @Test
    void refusesAnEmptyFile() throws Exception {
        Path empty = Files.createFile(folder.resolve("empty.jpg"));

        assertThat(refusal(empty)).isEqualTo("The file is empty (0 bytes).");
    }

    @Test
    void refusesATruncatedJpeg() throws Exception {
        Path whole = ReceiptFiles.jpeg(folder, "whole.jpg", ReceiptFiles.RECEIPT);
        byte[] bytes = Files.readAllBytes(whole);
        Path truncated = folder.resolve("truncated.jpg");
        ReceiptFiles.write(truncated, Arrays.copyOf(bytes, bytes.length / 2));

        assertThat(refusal(truncated)).contains("JPEG picture is damaged or incomplete");
    }

    @Test
    void refusesACorruptPng() throws Exception {
        Path whole = ReceiptFiles.png(folder, "whole.png", ReceiptFiles.RECEIPT);
        byte[] bytes = Files.readAllBytes(whole);
        for (int i = 60; i < bytes.length - 20; i += 7) {
            bytes[i] = (byte) 0x5A; // scribble over the compressed pixels
        }
        Path corrupt = folder.resolve("corrupt.png");
        ReceiptFiles.write(corrupt, bytes);

        assertThat(refusal(corrupt)).contains("PNG picture is damaged");
    }

    @Test
    void refusesATextFileNamedJpg() throws Exception {
        Path text = ReceiptFiles.text(folder, "receipt.jpg", "Coffee 3.50\nTOTAL 12.34\n");

        assertThat(refusal(text)).contains("the content is a text file", "BooksFlow reads JPEG, PNG, TIFF and PDF");
    }

    @Test
    void refusesAPasswordProtectedPdf() throws Exception {
        Path pdf = ReceiptFiles.digitalPdf(folder, "plain.pdf", ReceiptFiles.RECEIPT);
        Path locked = folder.resolve("locked.pdf");
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-secret", "user-secret", new AccessPermission());
            policy.setEncryptionKeyLength(128);
            document.protect(policy);
            document.save(locked.toFile());
        }

        assertThat(refusal(locked)).contains("protected by a password");
    }

    @Test
    void refusesAFileAboveTheSizeLimitBeforeReadingIt() throws Exception {
        Path huge = folder.resolve("huge.pdf");
        try (RandomAccessFile file = new RandomAccessFile(huge.toFile(), "rw")) {
            file.write("%PDF-1.7\n".getBytes());
            file.setLength(OcrLimits.DEFAULT.maxFileBytes() + 1); // sparse: costs no disk
        }

        assertThat(refusal(huge)).startsWith("The file is too large: 100.0 MB where BooksFlow reads receipts up to 100.0 MB");
    }

    @Test
    void refusesAPictureOfAbsurdDimensionsBeforeDecodingIt() throws Exception {
        Path small = ReceiptFiles.png(folder, "small.png", List.of("TOTAL 1.00"));
        byte[] bytes = Files.readAllBytes(small);
        // The header claims 100,000 x 100,000 pixels (40 GB decoded): a decompression bomb.
        ByteBuffer.wrap(bytes, 16, 8).putInt(100_000).putInt(100_000);
        CRC32 crc = new CRC32();
        crc.update(bytes, 12, 17);
        ByteBuffer.wrap(bytes, 29, 4).putInt((int) crc.getValue());
        Path bomb = folder.resolve("bomb.png");
        ReceiptFiles.write(bomb, bytes);

        assertThat(refusal(bomb)).contains("far too large to be a receipt", "100000 x 100000 pixels");
    }

    @Test
    void twoThreadsReadAtTheSameTime() throws Exception {
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            files.add(ReceiptFiles.png(folder, "a" + i + ".png", ReceiptFiles.RECEIPT));
            files.add(ReceiptFiles.jpeg(folder, "b" + i + ".jpg", ReceiptFiles.SECOND_PAGE));
        }
        List<Future<OcrOutcome>> running = files.stream().map(engine::submit).toList();

        for (int i = 0; i < running.size(); i++) {
            OcrOutcome outcome = running.get(i).get();
            assertThat(outcome).isInstanceOf(OcrOutcome.Read.class);
            assertThat(((OcrOutcome.Read) outcome).text()).contains(i % 2 == 0 ? "12.34" : "56.78");
        }
    }

    private static OcrOutcome.Read read(Path file) throws InterruptedException {
        OcrOutcome outcome = engine.read(file);
        assertThat(outcome).as("outcome for %s", file.getFileName()).isInstanceOf(OcrOutcome.Read.class);
        return (OcrOutcome.Read) outcome;
    }

    private static String refusal(Path file) throws InterruptedException, IOException {
        OcrOutcome outcome = engine.read(file);
        assertThat(outcome).as("outcome for %s", file.getFileName()).isInstanceOf(OcrOutcome.Refused.class);
        return ((OcrOutcome.Refused) outcome).reason();
    }
}
