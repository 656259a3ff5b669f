package app.booksflow.desktop.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The labeled receipts the OCR benchmarks and the accuracy floor test read. */
public final class BenchReceipts {

    private BenchReceipts() {
    }

    /**
     * {@code count} labeled receipts for {@code seed}, written under {@code root} once and reused by later
     * runs; or the set in the folder named by {@code bench.ocr.labeled}.
     */
    public static List<LabeledReceipt> labeled(Path root, int count, long seed) throws IOException {
        String given = System.getProperty("bench.ocr.labeled", "");
        if (!given.isBlank()) {
            List<LabeledReceipt> all = LabelsFile.read(Path.of(given));
            return all.subList(0, Math.min(count, all.size()));
        }
        Path folder = root.resolve("drawn-" + seed + "-" + count);
        return DrawnReceipts.write(folder, count, seed).stream().map(DrawnReceipts.Drawn::labeled).toList();
    }

    static boolean complete(Path folder, int count) throws IOException {
        return Files.isRegularFile(folder.resolve(LabelsFile.NAME))
                && Files.readAllLines(folder.resolve(LabelsFile.NAME)).size() == count;
    }
}
