package app.booksflow.desktop.bench;

import app.booksflow.testdata.receipts.LabeledReceipts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The labeled receipts the OCR benchmarks and the accuracy floor test read. */
public final class BenchReceipts {

    private BenchReceipts() {
    }

    /**
     * {@code count} labeled receipts for {@code seed} from the receipt generator of src-test-data (its realistic
     * mix: seven countries, five layouts, pictures and PDFs, about 60 % clean), written under {@code root} once
     * and reused by later runs; or the set in the folder named by {@code bench.ocr.labeled}.
     */
    public static List<LabeledReceipt> labeled(Path root, int count, long seed) throws IOException {
        String given = System.getProperty("bench.ocr.labeled", "");
        if (!given.isBlank()) {
            List<LabeledReceipt> all = LabelsFile.read(Path.of(given));
            return all.subList(0, Math.min(count, all.size()));
        }
        Path folder = root.resolve("labeled-" + seed + "-" + count);
        if (!complete(folder, count)) {
            LabeledReceipts.write(folder, count, seed);
        }
        return LabelsFile.read(folder);
    }

    static boolean complete(Path folder, int count) throws IOException {
        return Files.isRegularFile(folder.resolve(LabelsFile.NAME))
                && Files.readAllLines(folder.resolve(LabelsFile.NAME)).size() == count;
    }
}
