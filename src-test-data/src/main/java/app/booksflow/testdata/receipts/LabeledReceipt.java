package app.booksflow.testdata.receipts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A generated receipt file and what it says. The bytes are the caller's: they are not copied. */
public record LabeledReceipt(ReceiptTruth truth, byte[] bytes) {

    /** Writes the file into {@code folder} under {@link ReceiptTruth#file()} and returns its path. */
    public Path writeTo(Path folder) throws IOException {
        Path file = folder.resolve(truth.file());
        Files.write(file, bytes);
        return file;
    }
}
