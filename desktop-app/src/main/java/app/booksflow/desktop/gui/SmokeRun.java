package app.booksflow.desktop.gui;

import app.booksflow.desktop.LaunchOptions;
import app.booksflow.desktop.demo.DemoPractice;
import app.booksflow.desktop.demo.SampleReceipt;
import app.booksflow.desktop.gui.dashboard.DashboardView;
import app.booksflow.desktop.gui.dashboard.DashboardViewModel;
import app.booksflow.desktop.gui.startup.OpenBooks;
import app.booksflow.desktop.gui.task.FxTaskExecutor;
import app.booksflow.desktop.ocr.OcrEngine;
import app.booksflow.desktop.ocr.OcrOutcome;
import app.booksflow.desktop.ocr.extract.Extraction;
import app.booksflow.desktop.ocr.extract.ExtractionContext;
import app.booksflow.desktop.ocr.extract.FieldExtractor;
import app.booksflow.desktop.ocr.extract.ReceiptText;
import app.booksflow.desktop.settings.AppDirectories;
import app.booksflow.desktop.settings.Settings;
import app.booksflow.desktop.store.DataDirectory;
import app.booksflow.desktop.store.LocalStore;
import app.booksflow.model.money.Money;
import app.booksflow.model.practice.Client;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;

/**
 * {@code --smoke}: proves that an installed copy of the app works on this machine, step by step, each
 * step printed as it passes. The books open (lock, migrations, schema check) with the demo practice in
 * them, a client's dashboard is drawn in a real window through the same view and view model as the
 * app's, and the receipt the app carries is read by OCR with its total found. Installers run it right
 * after installing; support can ask a user to run it. Exit code 0 when every step passed, 1 with the
 * step and the reason when one did not.
 *
 * <p>Without {@code --data-dir} the books are made in a new temporary folder that is removed at the end,
 * so the check never touches a user's own books.
 */
public final class SmokeRun extends Application {

    /** Longest the whole check may take before it is called failed (a hung window must not hang an install). */
    static final Duration TIME_LIMIT = Duration.ofMinutes(5);

    private static final AtomicReference<Run> CURRENT = new AtomicReference<>();

    /** One check's inputs and its outcome, handed to the instance JavaFX creates. */
    private record Run(Path dataFolder, PrintStream out, CompletableFuture<Void> done) {
    }

    /** Runs the check and returns the exit code; prints each step on {@code out} and a failure on {@code err}. */
    public static int run(LaunchOptions options, PrintStream out, PrintStream err) {
        Path temporary = null;
        try {
            Path folder;
            if (options.dataDir().isPresent()) {
                folder = options.dataDir().get();
            } else {
                temporary = Files.createTempDirectory("booksflow-smoke-");
                folder = temporary.resolve("books");
            }
            Run run = new Run(folder, out, new CompletableFuture<>());
            CURRENT.set(run);
            Thread launcher = Thread.ofPlatform().name("booksflow-smoke-fx").daemon().start(() -> {
                try {
                    Application.launch(SmokeRun.class);
                } catch (RuntimeException | Error e) {
                    run.done().completeExceptionally(new SmokeFailure("the window system", e));
                }
            });
            run.done().get(TIME_LIMIT.toSeconds(), TimeUnit.SECONDS);
            Platform.exit();
            launcher.join(Duration.ofSeconds(10));
            out.println("Smoke check passed");
            return 0;
        } catch (ExecutionException e) {
            err.println("booksflow: smoke check failed: " + describe(e.getCause()));
            return 1;
        } catch (TimeoutException e) {
            err.println("booksflow: smoke check failed: not done within " + TIME_LIMIT.toMinutes() + " minutes");
            return 1;
        } catch (IOException e) {
            err.println("booksflow: smoke check failed: no temporary folder could be made: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        } finally {
            CURRENT.set(null);
            if (temporary != null) {
                deleteQuietly(temporary);
            }
        }
    }

    @Override
    public void start(Stage stage) {
        Run run = Objects.requireNonNull(CURRENT.get(), "SmokeRun.run starts the check");
        // The steps that wait run on their own thread; the FX thread only builds and draws.
        Thread.ofPlatform().name("booksflow-smoke").daemon().start(() -> {
            try {
                check(run, stage);
                run.done().complete(null);
            } catch (SmokeFailure e) {
                run.done().completeExceptionally(e);
            } catch (RuntimeException e) {
                run.done().completeExceptionally(new SmokeFailure("an unexpected error", e));
            }
        });
    }

    private static void check(Run run, Stage stage) {
        PrintStream out = run.out();
        Clock clock = Clock.systemDefaultZone();
        long start = System.nanoTime();
        try (LocalStore store = step("opening the books in " + run.dataFolder(),
                () -> LocalStore.openVerified(new DataDirectory(run.dataFolder())))) {
            out.printf("Books opened in %s (%d ms)%n", run.dataFolder(), millisSince(start));

            long loading = System.nanoTime();
            step("loading the demo practice", () -> DemoPractice.loadIfEmpty(store, clock, client -> { }));
            OpenBooks books = OpenBooks.of(store, clock);
            List<Client> clients = step("listing the clients", () -> books.ledger().clients().list());
            Client client = clients.stream().min(Comparator.comparing(Client::name))
                    .orElseThrow(() -> new SmokeFailure("listing the clients", new IllegalStateException("the books hold no client")));
            out.printf("Practice ready: %d clients (%d ms)%n", clients.size(), millisSince(loading));

            long drawing = System.nanoTime();
            Dashboard dashboard = step("drawing the dashboard of " + client.name(), () -> drawDashboard(stage, books, client, clock));
            out.printf("Dashboard of %s drawn: income %s, expenses %s, profit %s; %dx%d pixels in %d colours (%d ms)%n",
                    client.name(), dashboard.income(), dashboard.expenses(), dashboard.profit(), dashboard.width(),
                    dashboard.height(), dashboard.colours(), millisSince(drawing));

            long reading = System.nanoTime();
            String receipt = step("reading the sample receipt by OCR", SmokeRun::readSampleReceipt);
            out.printf("Sample receipt read: %s (%d ms)%n", receipt, millisSince(reading));
        }
    }

    /** What the drawn dashboard showed. */
    private record Dashboard(String income, String expenses, String profit, int width, int height, int colours) {
    }

    private static Dashboard drawDashboard(Stage stage, OpenBooks books, Client client, Clock clock) throws Exception {
        CompletableFuture<Void> loaded = new CompletableFuture<>();
        CompletableFuture<Scene> shown = new CompletableFuture<>();
        AtomicReference<DashboardViewModel> model = new AtomicReference<>();
        Platform.runLater(() -> {
            try {
                FxTaskExecutor executor = FxTaskExecutor.withDefaultThreads(failure -> loaded.completeExceptionally(
                        new IllegalStateException(failure.taskTitle() + " failed", failure.error())));
                DashboardViewModel dashboard = new DashboardViewModel(books.dashboards(),
                        new SimpleObjectProperty<>(Settings.defaults(AppDirectories.forCurrentUser())), executor, clock);
                model.set(dashboard);
                dashboard.loadingProperty().addListener((loading, was, now) -> {
                    if (!now) {
                        loaded.complete(null);
                    }
                });
                Scene scene = new Scene(new DashboardView(dashboard).root(), 1280, 800);
                scene.getStylesheets().add(Objects.requireNonNull(
                        BooksFlowApp.class.getResource("booksflow.css")).toExternalForm());
                stage.setTitle("BooksFlow – smoke check");
                stage.setScene(scene);
                stage.show();
                dashboard.clientProperty().set(client.id());
                stage.setOnHidden(event -> executor.shutdown());
                shown.complete(scene);
            } catch (RuntimeException e) {
                shown.completeExceptionally(e);
            }
        });
        Scene scene = shown.get(1, TimeUnit.MINUTES);
        loaded.get(2, TimeUnit.MINUTES);
        DashboardViewModel dashboard = model.get();
        String message = onFxThread(() -> dashboard.messageProperty().get());
        if (!message.isBlank()) {
            throw new IllegalStateException("the dashboard says: " + message);
        }
        // After the next pulse the figures are laid out and drawn into the scene.
        WritableImage picture = onFxThread(() -> scene.snapshot(null));
        int colours = colours(picture);
        if (colours < 16) {
            throw new IllegalStateException("the window shows almost nothing (" + colours + " colours)");
        }
        Dashboard shownFigures = onFxThread(() -> new Dashboard(dashboard.incomeProperty().get(),
                dashboard.expensesProperty().get(), dashboard.profitProperty().get(), (int) picture.getWidth(),
                (int) picture.getHeight(), colours));
        if (shownFigures.income().isBlank() || shownFigures.profit().isBlank()) {
            throw new IllegalStateException("the dashboard shows no figures");
        }
        return shownFigures;
    }

    /** The distinct colours among every fourth pixel of every fourth row: a blank window has one or two. */
    static int colours(WritableImage picture) {
        PixelReader pixels = picture.getPixelReader();
        Set<Integer> seen = new HashSet<>();
        for (int y = 0; y < (int) picture.getHeight(); y += 4) {
            for (int x = 0; x < (int) picture.getWidth(); x += 4) {
                seen.add(pixels.getArgb(x, y));
            }
        }
        return seen.size();
    }

    /** Reads the carried receipt and checks its total was found; returns what was read. */
    static String readSampleReceipt() throws Exception {
        SampleReceipt sample = SampleReceipt.make();
        Path folder = Files.createTempDirectory("booksflow-smoke-ocr-");
        try (OcrEngine engine = new OcrEngine(OcrEngine.Settings.forThisMachine().withWorkers(1))) {
            OcrOutcome outcome = engine.read(sample.writeTo(folder));
            if (!(outcome instanceof OcrOutcome.Read read)) {
                throw new IllegalStateException("the receipt was refused: " + ((OcrOutcome.Refused) outcome).reason());
            }
            Extraction fields = FieldExtractor.extract(ReceiptText.of(read),
                    ExtractionContext.of(sample.locale(), LocalDate.now()));
            Money total = fields.total().orElseThrow(() -> new IllegalStateException(
                    "no total was found in the receipt's text: " + read.text().strip().replace('\n', ' '))).value();
            if (total.amount().compareTo(sample.total()) != 0
                    || !total.currency().getCurrencyCode().equals(sample.currency())) {
                throw new IllegalStateException("the total was read as " + total + ", the receipt says "
                        + sample.currency() + " " + sample.total());
            }
            return fields.vendor().map(vendor -> vendor.value() + ", ").orElse("") + "total " + total + " ("
                    + read.text().strip().length() + " characters)";
        } finally {
            deleteQuietly(folder);
        }
    }

    /** Work that may fail, named by the step it belongs to. */
    @FunctionalInterface
    private interface Step<T> {
        T run() throws Exception;
    }

    private static <T> T step(String name, Step<T> work) {
        try {
            return work.run();
        } catch (SmokeFailure e) {
            throw e;
        } catch (Exception e) {
            throw new SmokeFailure(name, e);
        }
    }

    private static <T> T onFxThread(Step<T> work) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.run());
            } catch (Exception e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(1, TimeUnit.MINUTES);
    }

    private static long millisSince(long nanos) {
        return Duration.ofNanos(System.nanoTime() - nanos).toMillis();
    }

    private static String describe(Throwable failure) {
        if (failure instanceof SmokeFailure smoke) {
            return smoke.getMessage();
        }
        return String.valueOf(failure);
    }

    private static void deleteQuietly(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            List<Path> deepestFirst = paths.sorted(Comparator.reverseOrder()).toList();
            for (Path path : deepestFirst) {
                Files.deleteIfExists(path);
            }
        } catch (IOException | UncheckedIOException e) {
            System.err.println("booksflow: the temporary folder " + folder + " could not be removed: " + e.getMessage());
        }
    }

    /** A step that failed, with the step's name and the first cause's message. */
    static final class SmokeFailure extends RuntimeException {
        SmokeFailure(String step, Throwable cause) {
            super(step + ": " + reason(cause), cause);
        }

        private static String reason(Throwable cause) {
            Throwable root = cause;
            while ((root instanceof ExecutionException || root.getMessage() == null) && root.getCause() != null) {
                root = root.getCause();
            }
            return root.getMessage() == null ? root.toString() : root.getMessage();
        }
    }
}
