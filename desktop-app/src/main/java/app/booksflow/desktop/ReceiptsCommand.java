package app.booksflow.desktop;

import app.booksflow.desktop.ocr.OcrEngine;
import app.booksflow.desktop.ocr.OcrOutcome;
import app.booksflow.desktop.ocr.OcrUnavailableException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * {@code ocr [--json] PATH...}: reads receipts without a window and prints one line per file, in the
 * order the files were found. Field extraction (vendor, date, total) is not done here yet.
 */
final class ReceiptsCommand {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ReceiptsCommand() {
    }

    /** Returns the exit code: 0 when every file was read, 1 when any was refused or OCR cannot run here. */
    static int run(Arguments.Command.ReadReceipts command, PrintStream out, PrintStream err) {
        OcrEngine.Settings settings = OcrEngine.Settings.forThisMachine();
        if (command.workers().isPresent()) {
            settings = settings.withWorkers(command.workers().getAsInt());
        }
        List<Path> files;
        try {
            files = files(command.paths());
        } catch (UncheckedIOException e) {
            err.println("booksflow: the folders could not be listed: " + e.getCause().getMessage());
            return 1;
        }
        boolean allRead = true;
        try (OcrEngine engine = new OcrEngine(settings)) {
            List<Future<OcrOutcome>> queued = files.stream().map(engine::submit).toList();
            for (Future<OcrOutcome> next : queued) {
                OcrOutcome outcome = next.get();
                allRead &= outcome instanceof OcrOutcome.Read;
                out.println(command.json() ? json(outcome) : plain(outcome));
            }
        } catch (OcrUnavailableException e) {
            err.println("booksflow: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        } catch (ExecutionException e) {
            err.println("booksflow: OCR stopped: " + e.getCause());
            return 1;
        }
        return allRead ? 0 : 1;
    }

    /** The files given and the files in the folders given (recursively, sorted); a missing path stays, to be refused. */
    static List<Path> files(List<Path> paths) {
        List<Path> files = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                try (Stream<Path> found = Files.walk(path)) {
                    found.filter(Files::isRegularFile).sorted().forEach(files::add);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            } else {
                files.add(path);
            }
        }
        return files;
    }

    static String json(OcrOutcome outcome) {
        ObjectNode line = JSON.createObjectNode();
        line.put("file", outcome.file().toString());
        switch (outcome) {
            case OcrOutcome.Read read -> {
                line.put("kind", read.kind().name());
                line.put("pages", read.pages().size());
                line.put("textLength", read.text().strip().length());
                read.meanConfidence().ifPresent(confidence -> line.put("confidence", Math.round(confidence)));
            }
            case OcrOutcome.Refused refused -> line.put("refused", refused.reason());
        }
        line.put("ms", outcome.took().toMillis());
        return line.toString();
    }

    private static String plain(OcrOutcome outcome) {
        return switch (outcome) {
            case OcrOutcome.Read read -> outcome.file() + ": " + read.kind() + ", " + read.pages().size() + " page(s), "
                    + read.text().strip().length() + " characters, " + outcome.took().toMillis() + " ms";
            case OcrOutcome.Refused refused -> outcome.file() + ": refused: " + refused.reason();
        };
    }
}
