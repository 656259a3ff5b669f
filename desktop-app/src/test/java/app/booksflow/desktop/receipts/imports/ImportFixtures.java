package app.booksflow.desktop.receipts.imports;

import app.booksflow.desktop.ocr.ReceiptFiles;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;

/** Receipt files for import tests, drawn by the tests: small, each of its own content unless copied. */
final class ImportFixtures {

    private ImportFixtures() {
    }

    /** A short receipt whose text includes its number, so every number gives another file. */
    static Path receipt(Path folder, String name, int number) throws IOException {
        Files.createDirectories(folder);
        List<String> lines = List.of("SHOP " + number, "TOTAL " + number + ".50");
        return name.endsWith(".jpg") ? ReceiptFiles.jpeg(folder, name, lines) : ReceiptFiles.png(folder, name, lines);
    }

    /** Every kind of bad file an accountant's folder holds, by name, with words of the reason each must get. */
    static Map<Path, String> badFiles(Path folder) throws IOException {
        Files.createDirectories(folder);
        Map<Path, String> bad = new LinkedHashMap<>();
        bad.put(Files.createFile(folder.resolve("empty.jpg")), "is empty");

        Path whole = ReceiptFiles.jpeg(folder.resolve(".."), "whole-for-truncation.jpg", ReceiptFiles.RECEIPT);
        byte[] bytes = Files.readAllBytes(whole);
        Path truncated = folder.resolve("truncated.jpg");
        ReceiptFiles.write(truncated, Arrays.copyOf(bytes, bytes.length / 2));
        bad.put(truncated, "damaged or incomplete");

        byte[] png = Files.readAllBytes(ReceiptFiles.png(folder.resolve(".."), "whole-for-corruption.png",
                ReceiptFiles.RECEIPT));
        for (int i = 60; i < png.length - 20; i += 7) {
            png[i] = (byte) 0x5A;
        }
        Path corrupt = folder.resolve("corrupt.png");
        ReceiptFiles.write(corrupt, png);
        bad.put(corrupt, "damaged");

        bad.put(ReceiptFiles.text(folder, "mislabeled.jpg", "Coffee 3.50\nTOTAL 12.34\n"), "not a receipt file");

        Path plain = ReceiptFiles.digitalPdf(folder.resolve(".."), "plain-for-locking.pdf", ReceiptFiles.RECEIPT);
        Path locked = folder.resolve("locked.pdf");
        try (PDDocument document = Loader.loadPDF(plain.toFile())) {
            StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-secret", "user-secret",
                    new AccessPermission());
            policy.setEncryptionKeyLength(128);
            document.protect(policy);
            document.save(locked.toFile());
        }
        bad.put(locked, "protected by a password");

        Path huge = folder.resolve("huge.pdf");
        try (RandomAccessFile file = new RandomAccessFile(huge.toFile(), "rw")) {
            file.write("%PDF-1.7\n".getBytes());
            file.setLength(200L * 1024 * 1024); // sparse: costs no disk
        }
        bad.put(huge, "a receipt file can be at most");

        bad.put(Files.write(folder.resolve("animation.gif"), "GIF89a\u0001\u0000\u0001\u0000".getBytes()),
                "not a receipt file");
        return bad;
    }
}
