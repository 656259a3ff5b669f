package app.booksflow.desktop.reports.export;

import app.booksflow.model.money.MoneyFormat;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Saves a report table to a file so that the file is either the whole report or untouched: the export
 * is written to a temporary file in the same folder and moved over the target only when complete. A
 * full disk or a failure half-way leaves neither a truncated report nor a damaged earlier one.
 */
public final class ReportFile {

    private static final String TEMP_PREFIX = ".booksflow-export-";
    private static final String TEMP_SUFFIX = ".part";

    private ReportFile() {
    }

    /** Writes {@code table} to {@code target}, replacing a file already there. */
    public static void save(ReportTable table, ExportFormat format, MoneyFormat amounts, Path target) throws IOException {
        Path folder = target.toAbsolutePath().getParent();
        Path temp = Files.createTempFile(folder, TEMP_PREFIX, TEMP_SUFFIX);
        try {
            try (OutputStream out = Files.newOutputStream(temp)) {
                switch (format) {
                    case CSV -> {
                        // A byte order mark, so that spreadsheets read the names in UTF-8 rather than the OS's code page.
                        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
                        writer.write('\uFEFF');
                        CsvExport.write(table, writer);
                    }
                    case PDF -> new PdfExport(amounts).write(table, out);
                }
            }
            move(temp, target);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static void move(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
