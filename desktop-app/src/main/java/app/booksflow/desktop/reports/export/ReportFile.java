package app.booksflow.desktop.reports.export;

import app.booksflow.model.money.MoneyFormat;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Saves a report table as CSV or PDF, whole or not at all.
 */
public final class ReportFile {

    private ReportFile() {
    }

    /** Writes {@code table} to {@code target}, replacing a file already there (see {@link WholeFile}). */
    public static void save(ReportTable table, ExportFormat format, MoneyFormat amounts, Path target) throws IOException {
        WholeFile.write(target, out -> {
            switch (format) {
                case CSV -> {
                    // A byte order mark, so that spreadsheets read the names in UTF-8 rather than the OS's code page.
                    Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
                    writer.write('\uFEFF');
                    CsvExport.write(table, writer);
                }
                case PDF -> new PdfExport(amounts).write(table, out);
            }
        });
    }
}
