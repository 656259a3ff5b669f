package app.booksflow.desktop;

import app.booksflow.desktop.ocr.OcrEngine;
import app.booksflow.desktop.ocr.OcrOutcome;
import app.booksflow.desktop.ocr.OcrUnavailableException;
import app.booksflow.desktop.ocr.extract.Extraction;
import app.booksflow.desktop.ocr.extract.ExtractionContext;
import app.booksflow.desktop.ocr.extract.FieldExtractor;
import app.booksflow.desktop.ocr.extract.ReceiptText;
import app.booksflow.model.money.Money;
import app.booksflow.model.receipt.Extracted;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * {@code ocr [--json] [--locale TAG] PATH...}: reads receipts without a window and prints one line per
 * file, in the order the files were found, with the fields read from it (vendor, date, total, tax,
 * currency, each with its confidence). The locale orders day and month and says which dollar $ is.
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
        Locale locale = command.locale().orElse(Locale.getDefault());
        if (locale.getCountry().isEmpty()) {
            err.println("booksflow: the locale " + locale.toLanguageTag() + " names no country, so receipts that print no"
                    + " currency get no total; give one with --locale, for example --locale en-GB");
        }
        ExtractionContext context = ExtractionContext.of(locale, LocalDate.now());
        boolean allRead = true;
        try (OcrEngine engine = new OcrEngine(settings)) {
            List<Future<OcrOutcome>> queued = files.stream().map(engine::submit).toList();
            for (Future<OcrOutcome> next : queued) {
                OcrOutcome outcome = next.get();
                allRead &= outcome instanceof OcrOutcome.Read;
                Result result = Result.of(outcome, context);
                out.println(command.json() ? json(result) : plain(result));
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

    /** A file's outcome with, when it was read, its fields and the time OCR and extraction took together. */
    record Result(OcrOutcome outcome, Optional<Extraction> fields, Duration took) {

        static Result of(OcrOutcome outcome, ExtractionContext context) {
            if (outcome instanceof OcrOutcome.Read read) {
                long start = System.nanoTime();
                Extraction fields = FieldExtractor.extract(ReceiptText.of(read), context);
                return new Result(outcome, Optional.of(fields), read.took().plusNanos(System.nanoTime() - start));
            }
            return new Result(outcome, Optional.empty(), outcome.took());
        }
    }

    static String json(Result result) {
        OcrOutcome outcome = result.outcome();
        ObjectNode line = JSON.createObjectNode();
        line.put("file", outcome.file().toString());
        switch (outcome) {
            case OcrOutcome.Read read -> {
                line.put("kind", read.kind().name());
                line.put("pages", read.pages().size());
                line.put("textLength", read.text().strip().length());
                read.meanConfidence().ifPresent(confidence -> line.put("ocrConfidence", Math.round(confidence)));
                Extraction fields = result.fields().orElseThrow();
                ObjectNode confidences = JSON.createObjectNode();
                field(line, confidences, "vendor", fields.vendor(), vendor -> vendor);
                field(line, confidences, "date", fields.date(), LocalDate::toString);
                field(line, confidences, "total", fields.total(), total -> total.amount().toPlainString());
                field(line, confidences, "tax", fields.tax(), tax -> tax.amount().toPlainString());
                field(line, confidences, "currency", fields.currency(), Currency::getCurrencyCode);
                line.set("confidences", confidences);
            }
            case OcrOutcome.Refused refused -> line.put("refused", refused.reason());
        }
        line.put("ms", result.took().toMillis());
        return line.toString();
    }

    private static <T> void field(ObjectNode line, ObjectNode confidences, String name, Optional<Extracted<T>> field,
            Function<T, String> text) {
        if (field.isPresent()) {
            line.put(name, text.apply(field.get().value()));
            confidences.put(name, field.get().confidence().percent());
        } else {
            line.putNull(name);
            confidences.putNull(name);
        }
    }

    static String plain(Result result) {
        OcrOutcome outcome = result.outcome();
        return switch (outcome) {
            case OcrOutcome.Read read -> {
                Extraction fields = result.fields().orElseThrow();
                yield outcome.file() + ": " + String.join(", ",
                        plain("vendor", fields.vendor(), vendor -> vendor),
                        plain("date", fields.date(), LocalDate::toString),
                        plain("total", fields.total(), Money::toString),
                        plain("tax", fields.tax(), Money::toString),
                        plain("currency", fields.currency(), Currency::getCurrencyCode))
                        + " (" + read.kind() + ", " + read.pages().size() + " page(s), "
                        + read.text().strip().length() + " characters, " + result.took().toMillis() + " ms)";
            }
            case OcrOutcome.Refused refused -> outcome.file() + ": refused: " + refused.reason();
        };
    }

    private static <T> String plain(String name, Optional<Extracted<T>> field, Function<T, String> text) {
        return field.map(f -> name + " " + text.apply(f.value()) + " (" + f.confidence().percent() + " %)")
                .orElse(name + " not found");
    }
}
