package app.booksflow.desktop.demo;

import app.booksflow.testdata.receipts.FileFormat;
import app.booksflow.testdata.receipts.LabeledReceipt;
import app.booksflow.testdata.receipts.ReceiptCountry;
import app.booksflow.testdata.receipts.ReceiptGenerator;
import app.booksflow.testdata.receipts.ReceiptOptions;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A receipt the app carries for checking that OCR works on a machine: a clean scan of a British shop's
 * receipt from the same generator as the demo practice, always the same picture, with the fields printed on it.
 *
 * @param fileName the name it is written under
 * @param vendor   the shop's name as printed
 * @param total    the total as printed, in pounds
 * @param locale   the locale that reads its dates and amounts
 */
public record SampleReceipt(String fileName, String vendor, BigDecimal total, String currency, Locale locale,
        byte[] bytes) {

    /** Chosen among the generator's clean British receipts for being read exactly; a test holds it to that. */
    private static final long SEED = 20_250_601L;

    public static SampleReceipt make() {
        LabeledReceipt receipt = ReceiptGenerator.generate(SEED, 0, ReceiptOptions.REALISTIC
                .withCountry(ReceiptCountry.UNITED_KINGDOM)
                .withFormat(FileFormat.PNG)
                .withDegradations());
        return new SampleReceipt("sample-receipt.png", receipt.truth().vendor(), receipt.truth().total(),
                receipt.truth().currency(), Locale.UK, receipt.bytes());
    }

    /** Writes the picture into the folder and returns its path. */
    public Path writeTo(Path folder) throws IOException {
        return Files.write(folder.resolve(fileName), bytes);
    }
}
