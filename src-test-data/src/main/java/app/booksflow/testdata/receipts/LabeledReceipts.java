package app.booksflow.testdata.receipts;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Writes a labeled set: the receipt files and {@code labels.jsonl}, one JSON object a line in index
 * order (see {@link ReceiptTruth#toJson()}). Receipts are made in parallel; the result does not depend
 * on how many threads made them.
 */
public final class LabeledReceipts {

    public static final String LABELS = "labels.jsonl";

    private LabeledReceipts() {
    }

    /** {@code count} realistic receipts (about 60 % clean or nearly so) with this seed. */
    public static List<ReceiptTruth> write(Path folder, int count, long seed) throws IOException {
        return write(folder, count, seed, ReceiptOptions.REALISTIC);
    }

    public static List<ReceiptTruth> write(Path folder, int count, long seed, ReceiptOptions options) throws IOException {
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative: " + count);
        }
        Files.createDirectories(folder);
        List<ReceiptTruth> truths;
        try {
            truths = IntStream.range(0, count).parallel().mapToObj(index -> {
                LabeledReceipt receipt = ReceiptGenerator.generate(seed, index, options);
                try {
                    receipt.writeTo(folder);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                return receipt.truth();
            }).toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        try (BufferedWriter out = Files.newBufferedWriter(folder.resolve(LABELS), StandardCharsets.UTF_8)) {
            for (ReceiptTruth truth : truths) {
                out.write(truth.toJson());
                out.write('\n');
            }
        }
        return truths;
    }

    /**
     * For scripts: {@code FOLDER COUNT SEED [MIX]}, MIX one of CLEAN, REALISTIC (the default), STRESS.
     * Writes the set and exits with 0; prints nothing.
     */
    public static void main(String[] args) throws IOException {
        if (args.length < 3 || args.length > 4) {
            throw new IllegalArgumentException("usage: LabeledReceipts FOLDER COUNT SEED [CLEAN|REALISTIC|STRESS]");
        }
        DegradationMix mix = args.length == 4 ? DegradationMix.valueOf(args[3]) : DegradationMix.REALISTIC;
        write(Path.of(args[0]), Integer.parseInt(args[1]), Long.parseLong(args[2]), ReceiptOptions.REALISTIC.withMix(mix));
    }
}
