package app.booksflow.desktop.gui.startup;

import static org.assertj.core.api.Assertions.assertThat;

import app.booksflow.desktop.demo.DemoPractice;
import app.booksflow.desktop.gui.task.SynchronousTaskExecutor;
import app.booksflow.desktop.search.SearchBacklog;
import app.booksflow.desktop.search.SearchService;
import app.booksflow.desktop.store.DataDirectory;
import app.booksflow.desktop.store.LocalStore;
import app.booksflow.desktop.store.SafetyCopy;
import app.booksflow.desktop.store.WholeBooks;
import app.booksflow.desktop.syncstate.FirstSyncMark;
import app.booksflow.desktop.support.DamagedBooks;
import app.booksflow.desktop.support.FirstSyncBooks;
import app.booksflow.desktop.support.MutableClock;
import app.booksflow.desktop.support.TestBooks;
import app.booksflow.model.id.TransactionId;
import app.booksflow.server.support.TempFolders;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import app.booksflow.testdata.PracticeSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Opening the books of a data folder, with the demo loader swapped for a recorder. */
class StartupViewModelTest {

    @TempDir
    Path dir;

    private final Clock clock = new MutableClock(Instant.parse("2025-06-15T09:00:00Z"));

    /** A start-up whose demo loader only notes that it was asked ("demo") and loads nothing. */
    private StartupViewModel recordingDemo(DataDirectory directory, List<String> steps) {
        return new StartupViewModel(directory, clock, new SynchronousTaskExecutor(), (store, clockGiven, progress) -> {
            steps.add("demo");
            return false;
        });
    }

    @Test
    void opensTheStoreThenLoadsTheDemoThenHandsTheBooksOver() {
        List<String> steps = new ArrayList<>();
        StartupViewModel startup = new StartupViewModel(new DataDirectory(dir), clock, new SynchronousTaskExecutor(),
                (store, clockGiven, progress) -> {
                    steps.add("demo into " + store.directory().root());
                    return false;
                });

        startup.start();
        try {
            assertThat(steps).containsExactly("demo into " + dir);
            assertThat(startup.booksProperty().get()).isNotNull();
            assertThat(startup.booksProperty().get().ledger().clients().list()).isEmpty();
            assertThat(startup.problemProperty().get()).isEmpty();
            startup.startQueries();
            assertThat(SafetyCopy.find(new DataDirectory(dir))).as("nothing loaded, no safety copy").isEmpty();
        } finally {
            startup.close();
        }
    }

    @Test
    void theTransactionsABulkLoadLeftForSearchAreIndexedOnceTheBooksAreShown() {
        List<Long> unindexed = new ArrayList<>();
        StartupViewModel startup = new StartupViewModel(new DataDirectory(dir), clock, new SynchronousTaskExecutor(),
                (store, clockGiven, progress) -> {
                    DemoPractice.load(store, PracticeSpec.demo().withClients(1).withTransactions(300), clockGiven,
                            client -> { });
                    return true;
                });
        startup.unindexedProperty().addListener((property, before, now) -> unindexed.add(now.longValue()));

        startup.start();
        try {
            LocalStore store = startup.booksProperty().get().store();
            assertThat(unindexed).containsExactly(300L, 0L);
            assertThat(SearchBacklog.pending(store)).isZero();
            String payee = store.read(session -> session.createNativeQuery(
                    "select payee from transactions fetch first 1 rows only", String.class).getSingleResult());
            assertThat(new SearchService(store).search(payee)).isNotEmpty();
            assertThat(SafetyCopy.find(store.directory())).as("a safety copy after the load")
                    .hasValueSatisfying(copy -> {
                        assertThat(copy.occasion()).isEqualTo("after the demo practice's load");
                        assertThat(copy.transactions()).isEqualTo(300);
                    });
        } finally {
            startup.close();
        }
    }

    @Test
    void booksNotClosedLastTimeAreCheckedAndRepairedBeforeTheyAreShown() throws Exception {
        TransactionId broken;
        try (TestBooks books = TestBooks.open(dir)) {
            var client = books.ukClient("Wren Bakery");
            broken = books.ledger.transactions().create(books.sale(client, LocalDate.of(2025, 6, 3), "60.00"),
                    TestBooks.USER).transaction().id();
            books.ledger.transactions().create(books.sale(client, LocalDate.of(2025, 6, 4), "80.00"),
                    TestBooks.USER);
        }
        // As a process killed in the middle of writing leaves them: the lock file still names it, a transaction
        // without its lines.
        try (Connection connection = DriverManager.getConnection("jdbc:h2:file:" + new DataDirectory(dir).database(),
                "booksflow", ""); Statement sql = connection.createStatement()) {
            sql.execute("delete from splits where transaction_id = '" + broken.value() + "'");
        }
        Files.writeString(dir.resolve("booksflow.lock"), "pid 4242\n");
        List<String> steps = new ArrayList<>();
        StartupViewModel startup = recordingDemo(new DataDirectory(dir), steps);

        startup.start();
        try {
            assertThat(startup.problemProperty().get()).startsWith("BooksFlow was not closed properly the last time, "
                    + "and 1 transaction had lost lines. 1 was removed").contains("2025-06-03 Customer");
            assertThat(startup.fatalProperty().get()).isFalse();
            assertThat(steps).containsExactly("demo");
            var ledger = startup.booksProperty().get().ledger();
            assertThat(ledger.transactions().find(broken)).isEmpty();
            assertThat(startup.booksProperty().get().store().leftOpenBefore()).isFalse();
        } finally {
            startup.close();
        }
        try (LocalStore store = LocalStore.open(new DataDirectory(dir))) {
            assertThat(store.leftOpenBefore()).as("checked and closed: no check at the next start").isFalse();
        }
    }

    @Test
    void wholeBooksNotClosedLastTimeAreCheckedWithoutAWord() throws Exception {
        try (TestBooks books = TestBooks.open(dir)) {
            var client = books.ukClient("Wren Bakery");
            books.ledger.transactions().create(books.sale(client, LocalDate.of(2025, 6, 3), "60.00"),
                    TestBooks.USER);
        }
        Files.writeString(dir.resolve("booksflow.lock"), "pid 4242\n");
        StartupViewModel startup = new StartupViewModel(new DataDirectory(dir), clock, new SynchronousTaskExecutor(),
                (store, clockGiven, progress) -> false);

        startup.start();
        try {
            assertThat(startup.problemProperty().get()).isEmpty();
            assertThat(startup.booksProperty().get().store().leftOpenBefore()).isFalse();
            var ledger = startup.booksProperty().get().ledger();
            assertThat(ledger.transactions().list(ledger.clients().list().get(0).id(), LocalDate.of(2025, 1, 1),
                    LocalDate.of(2025, 12, 31))).hasSize(1);
        } finally {
            startup.close();
        }
    }

    @Test
    void booksThatStoppedDuringTheirFirstSyncAreReplacedByNewBooksThatBeginItAgain() throws Exception {
        FirstSyncBooks.midFirstSync(dir);
        FirstSyncBooks.leftOpen(dir);
        List<String> steps = new ArrayList<>();
        StartupViewModel startup = recordingDemo(new DataDirectory(dir), steps);

        startup.start();
        try {
            assertThat(startup.problemProperty().get()).startsWith("BooksFlow stopped during its first sync with "
                    + FirstSyncBooks.ACCOUNT.serverUrl()).contains(new DataDirectory(dir).damaged().toString());
            assertThat(startup.fatalProperty().get()).isFalse();
            assertThat(steps).containsExactly("demo");
            var books = startup.booksProperty().get();
            assertThat(books.ledger().sync().account()).contains(FirstSyncBooks.ACCOUNT);
            assertThat(books.ledger().clients().list()).as("the server's clients come with the sync").isEmpty();
            assertThat(books.store().leftOpenBefore()).isFalse();
            assertThat(FirstSyncMark.exists(new DataDirectory(dir))).isTrue();
        } finally {
            startup.close();
        }
        try (Stream<Path> kept = Files.list(new DataDirectory(dir).damaged())) {
            assertThat(kept).hasSize(1);
        }
    }

    @Test
    void booksThatCameBackWithoutWritesTheyHadSavedAreSaidToHaveLostThem() throws Exception {
        try (TestBooks books = TestBooks.open(dir)) {
            var client = books.ukClient("Wren Bakery");
            books.ledger.transactions().create(books.sale(client, LocalDate.of(2025, 6, 3), "60.00"),
                    TestBooks.USER);
        }
        long saved;
        try (Connection connection = DriverManager.getConnection("jdbc:h2:file:" + new DataDirectory(dir).database(),
                "booksflow", ""); Statement sql = connection.createStatement();
                var row = sql.executeQuery("select saved from saved_writes")) {
            row.next();
            saved = row.getLong(1);
        }
        // The process that died had saved two writes more than the database came back with.
        Files.writeString(dir.resolve("booksflow.lock"), "pid 4242\nsaved " + String.format("%019d", saved + 2) + "\n");
        StartupViewModel startup = new StartupViewModel(new DataDirectory(dir), clock, new SynchronousTaskExecutor(),
                (store, clockGiven, progress) -> false);

        startup.start();
        try {
            assertThat(startup.problemProperty().get()).startsWith("BooksFlow was stopped abruptly, and the books came "
                    + "back without the last 2 changes that had been saved before it stopped")
                    .contains("come back at the next sync");
            assertThat(startup.fatalProperty().get()).isFalse();
            assertThat(startup.booksProperty().get()).as("the books are shown, as far as they go").isNotNull();
        } finally {
            startup.close();
        }
    }

    @Test
    void queriesThatCannotStartAreExplainedWhileThePracticeIsShown() throws Exception {
        try (TestBooks books = TestBooks.open(dir)) {
            books.ukClient("Wren Bakery");
        }
        // A schema the entities no longer match: Hibernate's start-up in the background fails.
        try (Connection connection = DriverManager.getConnection("jdbc:h2:file:" + new DataDirectory(dir).database(),
                "booksflow", ""); Statement sql = connection.createStatement()) {
            sql.execute("alter table clients drop column closing_date");
        }
        StartupViewModel startup = new StartupViewModel(new DataDirectory(dir), clock, new SynchronousTaskExecutor(),
                (store, clockGiven, progress) -> false);

        startup.start();
        try {
            assertThat(startup.booksProperty().get()).isNotNull();
            assertThat(startup.problemProperty().get()).isEmpty();
            startup.startQueries();
            assertThat(startup.problemProperty().get()).contains("could not be opened completely", "closing_date",
                    "choose another data folder");
            assertThat(startup.fatalProperty().get()).isFalse();
        } finally {
            startup.close();
        }
    }

    @Test
    void booksANewerVersionUpdatedAreExplainedAndEndTheStartup() throws Exception {
        LocalStore.open(new DataDirectory(dir)).close();
        try (Connection connection = DriverManager.getConnection("jdbc:h2:file:" + new DataDirectory(dir).database(),
                "booksflow", ""); Statement sql = connection.createStatement()) {
            sql.execute("""
                    insert into "flyway_schema_history" ("installed_rank", "version", "description", "type", "script",
                        "checksum", "installed_by", "execution_time", "success")
                    select max("installed_rank") + 1, '99', 'from a newer version', 'SQL', 'V99__newer.sql', 0,
                        'booksflow', 5, true
                    from "flyway_schema_history\"""");
        }
        List<String> steps = new ArrayList<>();
        StartupViewModel startup = recordingDemo(new DataDirectory(dir), steps);

        startup.start();
        try {
            assertThat(startup.problemProperty().get()).startsWith("The books in " + dir + " cannot be opened here.")
                    .contains("newer version of BooksFlow", "their format is 99", "nothing in them was changed");
            assertThat(startup.fatalProperty().get()).isTrue();
            assertThat(startup.booksProperty().get()).isNull();
            assertThat(steps).as("no demo poured into them").isEmpty();
        } finally {
            startup.close();
        }
    }

    @Test
    void aFolderOpenInAnotherWindowIsExplainedAndEndsTheStartup() {
        try (LocalStore other = LocalStore.open(new DataDirectory(dir))) {
            StartupViewModel startup = new StartupViewModel(new DataDirectory(dir), clock, new SynchronousTaskExecutor(),
                    (store, clockGiven, progress) -> false);

            startup.start();

            assertThat(startup.problemProperty().get()).startsWith("BooksFlow is already open on this data folder");
            assertThat(startup.fatalProperty().get()).isTrue();
            assertThat(startup.booksProperty().get()).isNull();
            startup.close();
        }
    }

    @Test
    void aFailingDemoLoadStillOpensTheBooksAndSaysWhy() {
        StartupViewModel startup = new StartupViewModel(new DataDirectory(dir), clock, new SynchronousTaskExecutor(),
                (store, clockGiven, progress) -> {
                    throw new IllegalStateException("generator broke");
                });

        startup.start();
        try {
            assertThat(startup.booksProperty().get()).isNotNull();
            assertThat(startup.problemProperty().get()).contains("demo practice could not be loaded", "generator broke");
            assertThat(startup.fatalProperty().get()).isFalse();
        } finally {
            startup.close();
        }
    }

    @Test
    void aCancelledDemoLoadStillOpensTheBooksAndSaysTheRestFollowsLater() {
        SynchronousTaskExecutor executor = new SynchronousTaskExecutor();
        StartupViewModel startup = new StartupViewModel(new DataDirectory(dir), clock, executor,
                (store, clockGiven, progress) -> {
                    executor.runningTasks().forEach(task -> task.cancel());
                    return false;
                });

        startup.start();
        try {
            assertThat(startup.booksProperty().get()).isNotNull();
            assertThat(startup.problemProperty().get()).contains("stopped", "next time");
            assertThat(startup.fatalProperty().get()).isFalse();
        } finally {
            startup.close();
        }
    }

    /** Books of 1,000 transactions with a safety copy, made once for the class. */
    private static Path template;
    /** The same books' file damaged so that they open but do not read whole, found once for the class. */
    private static byte[] unreadable;

    /** A copy of the books of 1,000 transactions with their safety copy, left as an unclean stop leaves them. */
    private DataDirectory booksWithASafetyCopy() throws Exception {
        if (template == null) {
            Path made = TempFolders.createRemovedOnExit("booksflow-startup-books");
            try (LocalStore store = LocalStore.open(new DataDirectory(made))) {
                DemoPractice.load(store, PracticeSpec.demo().withClients(1).withTransactions(1_000), clock, client -> { });
                SafetyCopy.take(store, "after the demo practice's load", clock);
            }
            template = made;
        }
        try (var files = Files.walk(template)) {
            for (Path file : files.toList()) {
                Path target = dir.resolve(template.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        Files.writeString(dir.resolve("booksflow.lock"), "pid 4242\n");
        return new DataDirectory(dir);
    }

    /** Damages the books so that they open but do not read whole (the place in the file found once). */
    private static String damageSoTheyOpenButDoNotReadWhole(DataDirectory directory) throws Exception {
        if (unreadable == null) {
            String reason = DamagedBooks.soTheyOpenButDoNotReadWhole(directory);
            unreadable = Files.readAllBytes(directory.databaseFile());
            return reason;
        }
        Files.write(directory.databaseFile(), unreadable);
        return "as before";
    }

    /** The same books, their safety copy removed. */
    private DataDirectory booksWithoutASafetyCopy() throws Exception {
        DataDirectory directory = booksWithASafetyCopy();
        try (var copies = Files.list(directory.safetyCopies())) {
            for (Path file : copies.toList()) {
                Files.delete(file);
            }
        }
        return directory;
    }

    @Test
    void booksThatDoNotReadWholeAfterAnUncleanStopCanBeReplacedByTheSafetyCopy() throws Exception {
        DataDirectory directory = booksWithASafetyCopy();
        String damage = damageSoTheyOpenButDoNotReadWhole(directory);
        StartupViewModel startup = new StartupViewModel(directory, clock, new SynchronousTaskExecutor(),
                (store, clockGiven, progress) -> false);

        startup.start();
        try {
            assertThat(startup.recoveryProperty().get().copy()).isPresent();
            assertThat(startup.problemProperty().get())
                    .startsWith("The books in " + dir + " could not be read whole after BooksFlow was stopped abruptly")
                    .contains("The safety copy taken", "after the demo practice's load",
                            "1,000 transactions", "kept in " + directory.damaged());
            assertThat(startup.booksProperty().get()).as("nothing shown until the user chooses").isNull();
            assertThat(startup.fatalProperty().get()).isFalse();

            startup.restoreSafetyCopy();

            assertThat(startup.recoveryProperty().get()).isNull();
            assertThat(startup.problemProperty().get()).startsWith("The safety copy taken").contains("is back in place");
            LocalStore store = startup.booksProperty().get().store();
            assertThat(store.readJdbc(WholeBooks::readEveryRow)).containsEntry("transactions", 1_000L);
            assertThat(store.leftOpenBefore()).as("the restored books were checked as they opened").isFalse();
            try (var kept = Files.list(directory.damaged())) {
                assertThat(kept.toList()).as("the damaged books kept: " + damage).singleElement()
                        .satisfies(file -> assertThat(file.getFileName().toString()).endsWith(".mv.db"));
            }
        } finally {
            startup.close();
        }
    }

    @Test
    void booksThatDoNotReadWholeCanBeOpenedAsTheyAreAndAreCheckedAgainNextTime() throws Exception {
        DataDirectory directory = booksWithASafetyCopy();
        damageSoTheyOpenButDoNotReadWhole(directory);
        List<String> steps = new ArrayList<>();
        StartupViewModel startup = recordingDemo(directory, steps);

        startup.start();
        try {
            assertThat(startup.recoveryProperty().get().copy()).isPresent();
            assertThat(steps).isEmpty();

            startup.openAsTheyAre();

            assertThat(startup.recoveryProperty().get()).isNull();
            assertThat(steps).containsExactly("demo");
            assertThat(startup.booksProperty().get()).isNotNull();
            assertThat(startup.booksProperty().get().store().leftOpenBefore()).isTrue();
            assertThat(directory.damaged()).doesNotExist();
        } finally {
            startup.close();
        }
        try (LocalStore store = LocalStore.open(directory)) {
            assertThat(store.leftOpenBefore()).as("not checked whole: checked again at the next start").isTrue();
        }
    }

    @Test
    void booksThatNoLongerOpenCanBeReplacedByTheSafetyCopy() throws Exception {
        DataDirectory directory = booksWithASafetyCopy();
        DamagedBooks.soTheyDoNotOpen(directory);
        StartupViewModel startup = new StartupViewModel(directory, clock, new SynchronousTaskExecutor(),
                (store, clockGiven, progress) -> false);

        startup.start();
        try {
            assertThat(startup.recoveryProperty().get().copy()).isPresent();
            assertThat(startup.problemProperty().get()).startsWith("The books in " + dir + " could not be opened:")
                    .contains("corrupt", "The safety copy taken", "1,000 transactions");

            startup.restoreSafetyCopy();

            assertThat(startup.booksProperty().get().store().readJdbc(WholeBooks::readEveryRow))
                    .containsEntry("transactions", 1_000L);
        } finally {
            startup.close();
        }
    }

    @Test
    void damagedBooksWithoutASafetyCopyCanBeSetAsideForNewBooks() throws Exception {
        DataDirectory directory = booksWithoutASafetyCopy();
        DamagedBooks.soTheyDoNotOpen(directory);
        List<String> steps = new ArrayList<>();
        StartupViewModel startup = new StartupViewModel(directory, clock, new SynchronousTaskExecutor(),
                (store, clockGiven, progress) -> {
                    steps.add("demo into books of " + store.readJdbc(WholeBooks::readEveryRow).get("transactions"));
                    return false;
                });

        startup.start();
        try {
            assertThat(startup.recoveryProperty().get()).isEqualTo(new StartupViewModel.Recovery(Optional.empty(), false));
            assertThat(startup.problemProperty().get()).startsWith("The books in " + dir + " could not be opened:")
                    .contains("There is no safety copy of them", "set aside (kept in " + directory.damaged() + ")",
                            "the demo practice is loaded again", "comes back from the server when you sign in again")
                    .doesNotContain("opened as far as they can be read");

            startup.startNewBooks();

            assertThat(startup.recoveryProperty().get()).isNull();
            assertThat(steps).containsExactly("demo into books of 0");
            assertThat(startup.problemProperty().get()).startsWith("The damaged books are kept as " + directory.damaged());
            try (var kept = Files.list(directory.damaged())) {
                assertThat(kept.toList()).singleElement();
            }
        } finally {
            startup.close();
        }
    }

    @Test
    void booksThatDoNotReadWholeWithoutASafetyCopyCanStillBeOpenedAsFarAsTheyRead() throws Exception {
        DataDirectory directory = booksWithoutASafetyCopy();
        damageSoTheyOpenButDoNotReadWhole(directory);
        StartupViewModel startup = new StartupViewModel(directory, clock, new SynchronousTaskExecutor(),
                (store, clockGiven, progress) -> false);

        startup.start();
        try {
            assertThat(startup.recoveryProperty().get()).isEqualTo(new StartupViewModel.Recovery(Optional.empty(), true));
            assertThat(startup.problemProperty().get()).contains("could not be read whole", "There is no safety copy",
                    "Or they can be opened as far as they can be read.");
            assertThat(startup.booksProperty().get()).isNull();

            startup.openAsTheyAre();

            assertThat(startup.booksProperty().get()).isNotNull();
            assertThat(directory.damaged()).doesNotExist();
        } finally {
            startup.close();
        }
    }

    @Test
    void aStartADayAfterTheNewestSafetyCopyTakesAnotherOnceTheFiguresAreShown() throws Exception {
        try (TestBooks books = TestBooks.open(dir)) {
            var client = books.ukClient("Wren Bakery");
            books.ledger.transactions().create(books.sale(client, LocalDate.of(2025, 6, 3), "60.00"), TestBooks.USER);
            SafetyCopy.take(books.store, "after the demo practice's load", books.clock);
            books.ledger.transactions().create(books.sale(client, LocalDate.of(2025, 6, 4), "80.00"), TestBooks.USER);
        }
        MutableClock nextDay = new MutableClock(Instant.parse("2025-06-16T09:00:00Z"));
        StartupViewModel startup = new StartupViewModel(new DataDirectory(dir), nextDay, new SynchronousTaskExecutor(),
                (store, clockGiven, progress) -> false);

        startup.start();
        try {
            assertThat(SafetyCopy.find(new DataDirectory(dir)).orElseThrow().occasion())
                    .as("not before the figures are on screen").isEqualTo("after the demo practice's load");
            startup.startQueries();

            assertThat(SafetyCopy.find(new DataDirectory(dir))).hasValueSatisfying(copy -> {
                assertThat(copy.takenAt()).isEqualTo(nextDay.instant());
                assertThat(copy.occasion()).isEqualTo("at the day's first start");
                assertThat(copy.transactions()).isEqualTo(2);
            });
        } finally {
            startup.close();
        }
    }

    @Test
    void aStartWithinADayOfTheNewestSafetyCopyLeavesIt() throws Exception {
        SafetyCopy.Info taken;
        try (TestBooks books = TestBooks.open(dir)) {
            var client = books.ukClient("Wren Bakery");
            books.ledger.transactions().create(books.sale(client, LocalDate.of(2025, 6, 3), "60.00"), TestBooks.USER);
            taken = SafetyCopy.take(books.store, "after the demo practice's load", books.clock);
        }
        MutableClock later = new MutableClock(Instant.parse("2025-06-16T08:59:00Z"));
        StartupViewModel startup = new StartupViewModel(new DataDirectory(dir), later, new SynchronousTaskExecutor(),
                (store, clockGiven, progress) -> false);

        startup.start();
        try {
            startup.startQueries();

            assertThat(SafetyCopy.find(new DataDirectory(dir))).contains(taken);
        } finally {
            startup.close();
        }
    }

    @Test
    void booksThatLostTheirTablesBesideASafetyCopyAreNotMadeAgainAsNewBooks() throws Exception {
        DataDirectory directory = booksWithASafetyCopy();
        // What H2 opens when it falls back to a version of the file from before the schema, or a file gone.
        Files.delete(directory.databaseFile());
        List<String> steps = new ArrayList<>();
        StartupViewModel startup = new StartupViewModel(directory, clock, new SynchronousTaskExecutor(),
                (store, clockGiven, progress) -> {
                    steps.add("demo");
                    return true;
                });

        startup.start();
        try {
            assertThat(startup.problemProperty().get()).contains("hold none of their tables",
                    "were not made again as new books", "The safety copy taken", "1,000 transactions");
            assertThat(startup.recoveryProperty().get().copy()).isPresent();
            assertThat(steps).as("no demo poured into them").isEmpty();

            startup.restoreSafetyCopy();

            assertThat(startup.booksProperty().get().store().readJdbc(WholeBooks::readEveryRow))
                    .containsEntry("transactions", 1_000L);
            assertThat(steps).as("the books open as usual once the copy is back").containsExactly("demo");
        } finally {
            startup.close();
        }
    }
}
