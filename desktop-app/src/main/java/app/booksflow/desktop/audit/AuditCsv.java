package app.booksflow.desktop.audit;

import app.booksflow.desktop.reports.export.Cell;
import app.booksflow.desktop.reports.export.CsvExport;
import app.booksflow.desktop.reports.export.ReportTable;
import app.booksflow.desktop.reports.export.WholeFile;
import app.booksflow.model.id.ClientId;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;

/**
 * The filtered audit trail as a CSV file, through {@link CsvExport} (so a user name or summary that
 * looks like a spreadsheet formula is neutralised). Read a page at a time and written through
 * {@link WholeFile}: a cancelled or failed export leaves no half-written file.
 */
public final class AuditCsv {

    static final List<String> HEADERS = List.of("When", "User", "Client", "Action", "Entity", "Entity id", "Risk",
            "Summary", "Before", "After");
    private static final int PAGE = 500;

    private AuditCsv() {
    }

    /**
     * @param clientNames names for the client column; an unknown client is written by id
     * @param done        told how many events are written so far
     * @param cancelled   asked between pages; true stops the export and leaves no file
     * @return how many events were written
     */
    public static long write(AuditQueries queries, AuditQuery query, Map<ClientId, String> clientNames, Path target,
            LongConsumer done, BooleanSupplier cancelled) {
        DateTimeFormatter when = DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(query.zone());
        long[] written = {0};
        try {
            WholeFile.write(target, stream -> {
                Writer out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8));
                CsvExport.write(new ReportTable("Audit trail", "", "", HEADERS, List.of(), List.of()), out);
                queries.forEach(query, PAGE, page -> {
                    if (cancelled.getAsBoolean()) {
                        throw new CancellationException();
                    }
                    List<List<Cell>> rows = page.events().stream().map(event -> row(event, when, clientNames)).toList();
                    try {
                        CsvExport.writeRows(rows, out);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    written[0] += rows.size();
                    done.accept(written[0]);
                });
                out.flush();
            });
            return written[0];
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + target, e);
        }
    }

    private static List<Cell> row(AuditRecord event, DateTimeFormatter when, Map<ClientId, String> clientNames) {
        String client = event.client().map(id -> clientNames.getOrDefault(id, id.value().toString())).orElse("");
        return List.of(Cell.text(when.format(event.at())), Cell.text(event.user()), Cell.text(client),
                Cell.text(event.action().name()), Cell.text(event.entityType().name()),
                Cell.text(event.entityId().toString()), Cell.text(event.risk().name()), Cell.text(event.summary()),
                Cell.text(event.before().orElse("")), Cell.text(event.after().orElse("")));
    }
}
