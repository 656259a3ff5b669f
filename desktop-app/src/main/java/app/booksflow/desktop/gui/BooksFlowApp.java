package app.booksflow.desktop.gui;

import app.booksflow.desktop.LaunchOptions;
import app.booksflow.desktop.demo.DemoPractice;
import app.booksflow.desktop.gui.dashboard.DashboardView;
import app.booksflow.desktop.gui.dashboard.DashboardViewModel;
import app.booksflow.desktop.gui.main.MainWindowView;
import app.booksflow.desktop.gui.practice.ClientRow;
import app.booksflow.desktop.gui.practice.PracticeView;
import app.booksflow.desktop.gui.practice.PracticeViewModel;
import app.booksflow.desktop.gui.reports.ReportsView;
import app.booksflow.desktop.gui.search.SearchBarView;
import app.booksflow.desktop.gui.search.SearchViewModel;
import app.booksflow.desktop.search.ReceiptSearch;
import app.booksflow.desktop.search.SearchService;
import app.booksflow.model.id.ReceiptId;
import app.booksflow.model.id.TransactionId;
import app.booksflow.desktop.gui.reports.ReportsViewModel;
import app.booksflow.desktop.reports.Reports;
import app.booksflow.desktop.audit.AuditQueries;
import app.booksflow.desktop.gui.audit.AuditTrailView;
import app.booksflow.desktop.gui.audit.AuditTrailViewModel;
import app.booksflow.desktop.gui.receipts.ReceiptImportView;
import app.booksflow.desktop.gui.receipts.ReceiptImportViewModel;
import app.booksflow.desktop.gui.receipts.ReceiptsView;
import app.booksflow.desktop.ocr.OcrEngine;
import app.booksflow.desktop.receipts.imports.ReceiptImporter;
import app.booksflow.desktop.receipts.imports.ExtractingReader;
import app.booksflow.desktop.gui.receipts.ReceiptsViewModel;
import app.booksflow.desktop.gui.startup.StartupViewModel;
import app.booksflow.desktop.gui.task.BackgroundTask;
import app.booksflow.desktop.gui.transactions.TransactionsView;
import app.booksflow.desktop.gui.transactions.TransactionsViewModel;
import app.booksflow.desktop.ledger.LedgerPages;
import app.booksflow.desktop.ledger.ReceiptFileSource;
import app.booksflow.desktop.store.DataDirectory;
import app.booksflow.desktop.store.LocalStore;
import app.booksflow.desktop.store.StoreOpening;
import app.booksflow.model.id.ClientId;
import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import app.booksflow.desktop.gui.main.MainWindowViewModel;
import app.booksflow.desktop.gui.main.Screen;
import app.booksflow.desktop.gui.settings.HostingViewModel;
import app.booksflow.desktop.gui.settings.SettingsView;
import app.booksflow.desktop.gui.settings.SettingsViewModel;
import app.booksflow.desktop.gui.settings.SyncSignInViewModel;
import app.booksflow.desktop.gui.inbox.InboxView;
import app.booksflow.desktop.gui.inbox.InboxViewModel;
import app.booksflow.desktop.gui.startup.OpenBooks;
import app.booksflow.desktop.gui.sync.SyncStatusViewModel;
import app.booksflow.desktop.sync.SyncEngine;
import app.booksflow.desktop.sync.SyncStatus;
import app.booksflow.desktop.sync.TokenStore;
import app.booksflow.desktop.gui.task.FxTaskExecutor;
import app.booksflow.desktop.gui.task.TaskExecutor;
import app.booksflow.desktop.gui.task.TaskFailure;
import app.booksflow.desktop.settings.AppDirectories;
import app.booksflow.desktop.settings.LocalUser;
import app.booksflow.desktop.settings.Settings;
import app.booksflow.desktop.settings.SettingsStore;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javafx.application.Application;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.event.EventHandler;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.controlsfx.dialog.ExceptionDialog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JavaFX application: puts the settings, the task executor and the views together and opens the
 * main window. Started by {@code app.booksflow.desktop.Main}; tests construct it with their own options.
 */
public final class BooksFlowApp extends Application {

    private static final Logger log = LoggerFactory.getLogger(BooksFlowApp.class);

    /** Application.launch builds the app through its no-argument constructor; this carries Main's options to it. */
    private static final AtomicReference<LaunchOptions> LAUNCHED_WITH = new AtomicReference<>();

    private final LaunchOptions options;
    private final Clock clock;
    private final ObjectProperty<ClientId> shownClient = new SimpleObjectProperty<>(this, "shownClient");
    private final StackPane practiceScreen = new StackPane();
    private final StackPane dashboardScreen = new StackPane();
    private final StackPane reportsScreen = new StackPane();
    /** The transaction a search hit asked to show; the Transactions screen reveals it when set. */
    private final ObjectProperty<TransactionId> transactionToReveal = new SimpleObjectProperty<>(this, "transactionToReveal");
    private final ObjectProperty<ReceiptId> receiptToReveal = new SimpleObjectProperty<>(this, "receiptToReveal");
    private SearchViewModel search;
    private final StackPane receiptsScreen = new StackPane();
    private volatile ReceiptImportViewModel receiptImports;
    private final StackPane auditScreen = new StackPane();
    private final StackPane transactionsScreen = new StackPane();
    private final StackPane inboxScreen = new StackPane();
    private volatile SyncStatusViewModel syncStatus;
    /** The practice's server when this computer hosts it (Settings, Sync); it starts once the books' engine is up. */
    private volatile HostingViewModel hosting;
    private volatile StartupViewModel startup;
    private SettingsStore settingsStore;
    private SettingsStore.Loaded loadedSettings;
    private TaskExecutor taskExecutor;
    private StoreOpening opening;
    /** Set when the app stops: screens whose building was put off are then no longer built. */
    private volatile boolean stopped;
    private final AtomicBoolean booksClosed = new AtomicBoolean();
    /** Closes the books when the system ends the app without closing its window (logout, shutdown, kill). */
    private final Thread closeOnSignal = Thread.ofPlatform().name("booksflow-close-on-signal").unstarted(() -> {
        log.info("Asked to quit by the system; closing the books");
        closeBooks(false);
    });

    public BooksFlowApp() {
        this(Objects.requireNonNullElseGet(LAUNCHED_WITH.get(), () -> LaunchOptions.defaults(
                Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime()))));
    }

    public BooksFlowApp(LaunchOptions options) {
        this(options, Clock.systemDefaultZone());
    }

    /** With the clock that says what "today" and "this month" are (tests fix it). */
    public BooksFlowApp(LaunchOptions options, Clock clock) {
        this.options = Objects.requireNonNull(options);
        this.clock = Objects.requireNonNull(clock);
    }

    /** Opens the main window and returns when the app has exited. */
    public static void runUntilClosed(LaunchOptions options) {
        LAUNCHED_WITH.set(options);
        Application.launch(BooksFlowApp.class);
    }

    /** Runs before the FX thread is needed, so reading the settings file does not hold up the first frame. */
    @Override
    public void init() {
        AppDirectories directories = AppDirectories.forCurrentUser();
        directories = options.configDir().map(directories::withConfigFolder).orElse(directories);
        settingsStore = new SettingsStore(directories);
        loadedSettings = settingsStore.load();
        // The books open on their own thread while start() builds the window on the FX thread.
        opening = StoreOpening.begin(new DataDirectory(dataFolder()));
        Runtime.getRuntime().addShutdownHook(closeOnSignal);
    }

    private Path dataFolder() {
        return options.dataDir().orElse(loadedSettings.settings().dataFolder());
    }

    @Override
    public void start(Stage stage) {
        taskExecutor = FxTaskExecutor.withDefaultThreads(failure -> showFailure(stage, failure));
        ObjectProperty<Settings> settings = new SimpleObjectProperty<>(loadedSettings.settings());
        // Date pickers and other JavaFX formatting follow the locale chosen in Settings, not only the amounts.
        Locale.setDefault(Locale.Category.FORMAT, settings.get().locale());
        settings.addListener((observable, old, changed) -> Locale.setDefault(Locale.Category.FORMAT, changed.locale()));
        Path dataFolder = dataFolder();
        log.info("Settings from {}; data folder {}", settingsStore.file(), dataFolder);

        MainWindowViewModel mainViewModel = new MainWindowViewModel(settings, taskExecutor, clock);
        syncStatus = new SyncStatusViewModel(settings, taskExecutor, Platform::runLater, clock);
        hosting = new HostingViewModel(syncStatus, settings, settingsStore, dataFolder, taskExecutor, Map.of());
        if (!loadedSettings.warnings().isEmpty()) {
            mainViewModel.noticeProperty().set("Some settings could not be read and were reset; see Settings.");
        }
        MainWindowView mainView = new MainWindowView(mainViewModel, screen -> contentFor(screen, settings));
        search = new SearchViewModel(settings, taskExecutor, hit -> {
            shownClient.set(hit.client());
            transactionToReveal.set(hit.transaction());
            mainViewModel.navigate(Screen.TRANSACTIONS);
        }, hit -> {
            shownClient.set(hit.client());
            receiptToReveal.set(hit.receipt());
            mainViewModel.navigate(Screen.RECEIPTS);
        });
        mainView.addToTopBar(new SearchBarView(search).root());

        Scene scene = new Scene(mainView.root());
        scene.getStylesheets().add(Objects.requireNonNull(BooksFlowApp.class.getResource("booksflow.css")).toExternalForm());
        stage.setScene(scene);
        stage.titleProperty().bind(mainViewModel.currentScreenProperty().map(screen -> "BooksFlow – " + screen.title()));
        stage.setMinWidth(900);
        stage.setMinHeight(600);
        ColdStartLog coldStart = new ColdStartLog(options.jvmStartedAt());
        stage.addEventHandler(WindowEvent.WINDOW_SHOWN, coldStart);
        // The startup's background work (the store's last steps, the demo check) begins before the first frame.
        openBooks(stage, settings, mainViewModel, coldStart);
        stage.show();
    }

    /** Opens the store and the demo off the FX thread; the Practice and Dashboard screens appear once they are ready. */
    private void openBooks(Stage stage, ObjectProperty<Settings> settings, MainWindowViewModel mainViewModel,
            ColdStartLog coldStart) {
        startup = new StartupViewModel(opening, clock, taskExecutor, BooksFlowApp::loadDemo);
        search.unindexedProperty().bind(startup.unindexedProperty());
        Label waiting = new Label("Opening the books…");
        waiting.getStyleClass().add("placeholder-intro");
        waiting.setWrapText(true);
        waiting.setMaxWidth(640);
        practiceScreen.getChildren().setAll(waiting);
        dashboardScreen.getChildren().setAll(new Label("Opening the books…"));
        for (StackPane screen : List.of(reportsScreen, transactionsScreen, receiptsScreen, auditScreen, inboxScreen)) {
            screen.getChildren().setAll(new Label("Opening the books…"));
        }
        startup.problemProperty().addListener((observable, old, problem) -> {
            if (!problem.isEmpty()) {
                waiting.setText(problem);
                if (startup.recoveryProperty().get() != null) {
                    offerRecovery(stage, problem, startup.recoveryProperty().get());
                } else {
                    showProblem(stage, problem, startup.fatalProperty().get());
                }
            }
        });
        startup.booksProperty().addListener((observable, old, books) -> {
            DashboardViewModel dashboard = new DashboardViewModel(books.dashboards(), settings, taskExecutor, clock);
            dashboard.clientProperty().bind(shownClient);
            PracticeViewModel practice = new PracticeViewModel(books.ledger(), books.dashboards(), settings, taskExecutor,
                    clock, client -> {
                        shownClient.set(client);
                        mainViewModel.navigate(Screen.DASHBOARD);
                    });
            practice.clients().addListener(coldStart.firstFigures());
            // The figures are read (plain JDBC, ADR 0015) while the practice's view is built.
            practice.refresh();
            practiceScreen.getChildren().setAll(new PracticeView(practice).root());
            practice.onSaved(() -> mainViewModel.lastSavedAtProperty().set(clock.instant()));
            // Figures change with every write on any screen: shown again, a screen reads them again. A dashboard
            // shown for a newly opened client has just been read by its client change, so it is not read twice.
            ObjectProperty<ClientId> dashboardShownFor = new SimpleObjectProperty<>();
            mainViewModel.currentScreenProperty().addListener((screens, before, shown) -> {
                if (shown == Screen.DASHBOARD && shownClient.get() != null) {
                    if (shownClient.get().equals(dashboardShownFor.get())) {
                        dashboard.refresh();
                    }
                    dashboardShownFor.set(shownClient.get());
                } else if (shown == Screen.PRACTICE) {
                    practice.refresh();
                }
            });
            search.serviceProperty().set(new SearchService(books.store()));
            search.receiptSearchProperty().set(new ReceiptSearch(books.store()));
            // Hibernate's start-up and the screens not shown yet follow once the practice's figures are on
            // screen, so that they do not hold the figures up.
            afterFirstFigures(stage.getScene(), practice, () -> {
                startup.startQueries();
                dashboardScreen.getChildren().setAll(new DashboardView(dashboard).root());
                ReportsViewModel reports = new ReportsViewModel(new Reports(books.store()), settings, taskExecutor, clock);
                reports.clientProperty().bind(shownClient);
                reportsScreen.getChildren().setAll(new ReportsView(reports).root());
                ReceiptsViewModel receipts = new ReceiptsViewModel(books.ledger(), settings, taskExecutor, clock,
                        LocalUser.name());
                receipts.clientProperty().bind(shownClient);
                receipts.fileSourceProperty().bind(syncStatus.engineProperty().map(SyncEngine::receiptFiles)
                        .orElse(ReceiptFileSource.none()));
                syncStatus.statusProperty().addListener((status, before, now) -> {
                    if (now.state() == SyncStatus.State.ONLINE) {
                        receipts.serverReachable();
                    }
                });
                revealWhenAsked(receiptToReveal, receipts::reveal);
                ReceiptImporter importer = new ReceiptImporter(books.store(), books.ledger(), clock, LocalUser.name(),
                        () -> new OcrEngine(OcrEngine.Settings.forThisMachine()),
                        new ExtractingReader(books.ledger().vendorRules(), clock),
                        () -> settings.get().locale());
                receiptImports = new ReceiptImportViewModel(importer, taskExecutor, Platform::runLater,
                        Duration.ofMillis(100), settings, settingsStore);
                receiptImports.clientProperty().bind(shownClient);
                receiptImports.onReceiptsAdded(receipts::refresh);
                receiptsScreen.getChildren().setAll(new ReceiptsView(receipts)
                        .withImports(new ReceiptImportView(receiptImports)).root());
                receiptImports.start();
                AuditTrailViewModel audit = new AuditTrailViewModel(new AuditQueries(books.store()), books.ledger(),
                        settings, taskExecutor, clock);
                audit.clientProperty().bind(shownClient);
                auditScreen.getChildren().setAll(new AuditTrailView(audit).root());
                audit.refresh();
                TransactionsViewModel transactions = new TransactionsViewModel(books.ledger(),
                        new LedgerPages(books.store()), settings, taskExecutor, clock, LocalUser.name(),
                        mainViewModel.lastSavedAtProperty()::set);
                transactions.clientProperty().bind(shownClient);
                transactions.unindexedProperty().bind(startup.unindexedProperty());
                transactionsScreen.getChildren().setAll(new TransactionsView(transactions).root());
                revealWhenAsked(transactionToReveal, transactions::reveal);
                startSync(books, settings, mainViewModel);
            });
        });
        startup.start();
    }

    /**
     * One sync engine for the open books, its token beside them in the data folder; the status bar and
     * the inbox follow it. Books never signed in make no network call.
     */
    private void startSync(OpenBooks books, ObjectProperty<Settings> settings, MainWindowViewModel mainViewModel) {
        InboxViewModel inbox = new InboxViewModel(books.ledger(), settings, taskExecutor, LocalUser.name());
        inbox.onSettled(syncStatus::recount);
        inboxScreen.getChildren().setAll(new InboxView(inbox).root());
        syncStatus.engineProperty().addListener((property, before, engine) -> mainViewModel.followSync(syncStatus));
        syncStatus.inboxCountProperty().addListener((property, before, count) -> inbox.refresh());
        mainViewModel.currentScreenProperty().addListener((screens, before, shown) -> {
            if (shown == Screen.INBOX) {
                inbox.refresh();
            }
        });
        syncStatus.start(books.ledger(), ledger -> new SyncEngine(ledger.sync(),
                new TokenStore(books.store().directory().root()), clock));
        inbox.refresh();
    }

    /**
     * Hands what a search result asked to show to the screen that shows it: at once when it was asked
     * before the screen existed, and on every later ask.
     */
    private static <T> void revealWhenAsked(ObjectProperty<T> asked, Consumer<T> reveal) {
        ChangeListener<T> handOver = (property, before, id) -> {
            if (id != null) {
                asked.set(null);
                reveal.accept(id);
            }
        };
        asked.addListener(handOver);
        handOver.changed(asked, null, asked.get());
    }

    /** Runs the work once, after the frame that shows the practice's first read (its figures, or why they are missing). */
    private void afterFirstFigures(Scene scene, PracticeViewModel practice, Runnable work) {
        practice.loadingProperty().addListener(new ChangeListener<>() {
            @Override
            public void changed(ObservableValue<? extends Boolean> loading, Boolean was, Boolean now) {
                if (!now) {
                    loading.removeListener(this);
                    scene.addPostLayoutPulseListener(new Runnable() {
                        @Override
                        public void run() {
                            scene.removePostLayoutPulseListener(this);
                            Platform.runLater(() -> {
                                if (!stopped) {
                                    work.run();
                                }
                            });
                        }
                    });
                    Platform.requestNextPulse();
                }
            }
        });
    }

    private static boolean loadDemo(LocalStore store, Clock clock, BackgroundTask.Progress progress) {
        return DemoPractice.loadIfEmpty(store, clock, client -> {
            progress.message(client.name() + " ready");
            progress.stopIfCancelled();
        }).isPresent();
    }

    /**
     * Books that do not open or read whole: the user chooses between the safety copy (or, without one, new books)
     * and the books as they are (ADR 0041).
     */
    private void offerRecovery(Stage owner, String problem, StartupViewModel.Recovery recovery) {
        ButtonType recover = new ButtonType(recovery.copy().isPresent() ? "Put the safety copy back" : "Start new books",
                ButtonBar.ButtonData.OK_DONE);
        ButtonType asTheyAre = new ButtonType(recovery.opened() ? "Open the books as they are" : "Leave them as they are",
                ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = new Alert(Alert.AlertType.WARNING, problem, recover, asTheyAre);
        alert.initOwner(owner);
        alert.setTitle("BooksFlow");
        alert.setHeaderText(recovery.opened() ? "The books do not read whole" : "The books do not open");
        alert.getDialogPane().setId("recoveryDialog");
        alert.setOnHidden(event -> {
            if (alert.getResult() != recover) {
                startup.openAsTheyAre();
            } else if (recovery.copy().isPresent()) {
                startup.restoreSafetyCopy();
            } else {
                startup.startNewBooks();
            }
        });
        alert.show();
    }

    private static void showProblem(Stage owner, String problem, boolean fatal) {
        Alert alert = new Alert(fatal ? Alert.AlertType.ERROR : Alert.AlertType.WARNING, problem, ButtonType.OK);
        alert.initOwner(owner);
        alert.setTitle("BooksFlow");
        alert.setHeaderText(fatal ? "BooksFlow cannot open these books" : "Opening the books");
        if (fatal) {
            alert.setOnHidden(event -> Platform.exit());
        }
        alert.show();
    }

    /**
     * The transaction the user asked to see from a search hit (its client is already the shown one and
     * the Transactions screen is being shown); that screen follows this property to reveal the row.
     */
    public ObjectProperty<TransactionId> transactionToRevealProperty() {
        return transactionToReveal;
    }

    @Override
    public void stop() {
        stopped = true;
        try {
            Runtime.getRuntime().removeShutdownHook(closeOnSignal);
        } catch (IllegalStateException | IllegalArgumentException e) {
            // the JVM is already shutting down, or init() did not get as far as the hook
        }
        // The books before the executor: a demo load in progress finishes its client rather than being
        // interrupted inside H2, and files being read go back to the import queue. The window is gone: books
        // left mostly free space by a large load are tidied now (ADR 0047), not when the system shuts down.
        closeBooks(true);
        if (taskExecutor != null) {
            taskExecutor.shutdown();
        }
    }

    private void closeBooks(boolean tidy) {
        if (booksClosed.compareAndSet(false, true)) {
            stopped = true;
            // Reading stops first: files being read go back to the import queue for the next start.
            ReceiptImportViewModel imports = receiptImports;
            if (imports != null) {
                imports.shutdown();
            }
            // Sync stops before the books close, so no pulled change is cut off inside H2.
            SyncStatusViewModel sync = syncStatus;
            if (sync != null) {
                sync.close();
            }
            HostingViewModel hosted = hosting;
            if (hosted != null) {
                hosted.close();
            }
            StartupViewModel opened = startup;
            if (opened != null) {
                opened.close(tidy);
            }
        }
    }

    private Node contentFor(Screen screen, ObjectProperty<Settings> settings) {
        return switch (screen) {
            case PRACTICE -> practiceScreen;
            case DASHBOARD -> dashboardScreen;
            case TRANSACTIONS -> transactionsScreen;
            case RECEIPTS -> receiptsScreen;
            case AUDIT_TRAIL -> auditScreen;
            case REPORTS -> reportsScreen;
            case SETTINGS -> {
                SettingsViewModel form = new SettingsViewModel(settingsStore, settings, options.dataDir(), taskExecutor);
                SyncSignInViewModel signIn = new SyncSignInViewModel(syncStatus, form.syncServerProperty(), taskExecutor);
                signIn.onSignedIn(form::useSyncServer);
                hosting.onSignedIn(address -> {
                    form.useSyncServer(address);
                    signIn.refresh();
                });
                yield new SettingsView(form, signIn, hosting).root();
            }
            case INBOX -> inboxScreen;
        };
    }

    private static void showFailure(Stage owner, TaskFailure failure) {
        ExceptionDialog dialog = new ExceptionDialog(failure.error());
        dialog.initOwner(owner);
        dialog.setTitle("Something went wrong");
        dialog.setHeaderText("\"" + failure.taskTitle() + "\" failed. Your books are unchanged by this step; "
                + "the details below help us find the cause.");
        dialog.show();
    }

    /**
     * Logs once how long the user waited from starting the JVM to seeing the window, and once to seeing
     * the practice's figures (every client's income, expenses and profit of this month).
     */
    private static final class ColdStartLog implements EventHandler<WindowEvent> {
        private final Instant jvmStartedAt;
        private boolean windowLogged;
        private boolean figuresLogged;

        ColdStartLog(Instant jvmStartedAt) {
            this.jvmStartedAt = jvmStartedAt;
        }

        @Override
        public void handle(WindowEvent event) {
            if (!windowLogged) {
                windowLogged = true;
                log.info("cold start to visible window: {} ms", sinceJvmStart());
            }
        }

        ListChangeListener<ClientRow> firstFigures() {
            return change -> {
                if (!figuresLogged && !change.getList().isEmpty()) {
                    figuresLogged = true;
                    log.info("cold start to visible dashboard: {} ms (figures of {} clients on screen)", sinceJvmStart(),
                            change.getList().size());
                }
            };
        }

        private long sinceJvmStart() {
            return Duration.between(jvmStartedAt, Instant.now()).toMillis();
        }
    }
}
