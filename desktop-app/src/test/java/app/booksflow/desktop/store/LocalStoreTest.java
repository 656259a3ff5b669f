package app.booksflow.desktop.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import app.booksflow.desktop.store.entity.PracticeEntity;
import app.booksflow.model.id.OrganizationId;
import app.booksflow.model.practice.Organization;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

class LocalStoreTest {

    @TempDir
    Path dir;

    @Test
    void booksLeftMostlyFreeSpaceAreTidiedOnClosingAndKeepEveryRow() throws Exception {
        DataDirectory directory = new DataDirectory(dir);
        try (LocalStore store = LocalStore.open(directory)) {
            // What a large load leaves: rows written, most of them gone again, their space not given back.
            store.inDerivedTransaction(connection -> {
                try (Statement sql = connection.createStatement()) {
                    sql.execute("insert into search_pending (transaction_id) select cast('00000000-0000-4000-8000-'"
                            + " || lpad(cast(x as varchar), 12, '0') as uuid) from system_range(1, 1000)");
                }
                return null;
            });
            for (int round = 0; round < 8; round++) {
                store.inDerivedTransaction(connection -> {
                    try (Statement sql = connection.createStatement()) {
                        sql.execute("insert into search_pending (transaction_id) select random_uuid() from system_range(1, 40000)");
                        sql.execute("delete from search_pending where transaction_id > '00000000-0000-4000-8000-000000001000'");
                    }
                    return null;
                });
            }
            long before = Files.size(directory.databaseFile());
            store.closeAndTidy(new LocalStore.Tidying(1L << 20, 50, 256L << 20));

            assertThat(Files.size(directory.databaseFile())).as("tidied from %,d bytes", before).isLessThan(before / 4);
        }
        assertThat(directory.tidyingMark()).doesNotExist();
        try (LocalStore store = LocalStore.open(directory)) {
            assertThat(store.leftOpenBefore()).as("closed properly").isFalse();
            long left = store.<Long>readJdbc(connection -> count(connection, "select count(*) from search_pending"));
            assertThat(left).isEqualTo(1_000);
        }
    }

    @Test
    void onlyAFileMostlyFreeSpaceWithLittleInUseIsWorthTidying() {
        LocalStore.Tidying tidying = LocalStore.Tidying.DEFAULT;

        assertThat(tidying.worthIt(390L << 20, 26)).as("the demo practice after its load").isTrue();
        assertThat(tidying.worthIt(40L << 20, 10)).as("small books: closing compacts them enough").isFalse();
        assertThat(tidying.worthIt(390L << 20, 80)).as("mostly in use").isFalse();
        assertThat(tidying.worthIt(9L << 30, 30)).as("too much in use to copy while the user waits to reopen").isFalse();
    }

    @Test
    void anOpenWaitsForBooksBeingTidiedInsteadOfRefusing() throws Exception {
        DataDirectory directory = new DataDirectory(dir);
        List<String> stages = new java.util.concurrent.CopyOnWriteArrayList<>();
        LocalStore tidying = LocalStore.open(directory);
        Files.write(directory.tidyingMark(), new byte[0]);
        java.util.concurrent.CompletableFuture<LocalStore> opening = java.util.concurrent.CompletableFuture.supplyAsync(
                () -> LocalStore.open(directory, stages::add));
        await().during(Duration.ofMillis(600)).atMost(Duration.ofSeconds(5)).until(() -> !opening.isDone());
        tidying.close();
        Files.delete(directory.tidyingMark());

        try (LocalStore opened = opening.get(30, java.util.concurrent.TimeUnit.SECONDS)) {
            assertThat(stages).contains("BooksFlow is tidying these books after closing them; they open when it is done.");
            assertThat(opened.leftOpenBefore()).isFalse();
        }
    }

    @Test
    void aTidyingMarkLeftByAStoppedBooksFlowIsCleared() throws Exception {
        DataDirectory directory = new DataDirectory(dir);
        LocalStore.open(directory).close();
        Files.write(directory.tidyingMark(), new byte[0]);

        LocalStore.open(directory).close();

        assertThat(directory.tidyingMark()).doesNotExist();
    }

    @Test
    void aWriteThatWaitsLongForAnotherSaysWhereItsTimeWent() throws Exception {
        List<ILoggingEvent> reports = slowWriteReports(store -> {
            CountDownLatch holding = new CountDownLatch(1);
            Thread other = Thread.ofPlatform().name("long-write").start(() -> store.inDerivedTransaction(connection -> {
                holding.countDown();
                return pause(1_500); // a write that holds the books that long, as a large chunk on a slow disk would
            }));
            holding.await();
            store.inDerivedTransaction(connection -> null);
            other.join();
        });

        assertThat(reports).filteredOn(report -> report.getLevel() == Level.WARN)
                .extracting(ILoggingEvent::getFormattedMessage).singleElement().asString()
                .matches("A write to the books in .* took \\d{4,} ms: \\d{4,} ms waiting for the write before it "
                        + "\\(on long-write\\), \\d+ ms its work and commit, \\d+ ms writing it to disk");
        // The background write that was slow by its own work is told at debug level only.
        assertThat(reports).filteredOn(report -> report.getLevel() == Level.DEBUG)
                .extracting(ILoggingEvent::getFormattedMessage).singleElement().asString()
                .matches(".* took \\d{4,} ms: \\d{1,3} ms waiting for the write before it \\(on no other thread\\), "
                        + "\\d{4,} ms its work and commit, .*");
    }

    @Test
    void aBackgroundWriteSlowByItsOwnWorkIsToldAtDebugLevelOnly() throws Exception {
        List<ILoggingEvent> reports = slowWriteReports(store -> {
            store.inBackgroundTransaction(session -> pause(1_100)); // a large page pulled from the server
            store.inTransaction(session -> pause(1_100)); // the accountant's write, as slow
        });

        assertThat(reports).extracting(ILoggingEvent::getLevel).containsExactly(Level.DEBUG, Level.WARN);
    }

    /** Work on books of their own. */
    private interface StoreWork {
        void run(LocalStore store) throws Exception;
    }

    /** What the slow-write log says, at every level, while the work runs on books of their own. */
    private List<ILoggingEvent> slowWriteReports(StoreWork work) throws Exception {
        Logger slow = (Logger) LoggerFactory.getLogger("booksflow.slow-write");
        Level level = slow.getLevel();
        ListAppender<ILoggingEvent> reports = new ListAppender<>();
        reports.start();
        slow.addAppender(reports);
        slow.setLevel(Level.DEBUG);
        try (LocalStore store = LocalStore.open(new DataDirectory(dir))) {
            work.run(store);
        } finally {
            slow.detachAppender(reports);
            slow.setLevel(level);
        }
        return reports.list;
    }

    private static Void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return null;
    }

    @Test
    void opensAnEmptyFolderAndCreatesTheDatabaseAndItsSchema() {
        try (LocalStore store = LocalStore.open(new DataDirectory(dir))) {
            long practices = store.read(session ->
                    session.createQuery("select count(p) from PracticeEntity p", Long.class).getSingleResult());
            assertThat(practices).isZero();
        }
        assertThat(dir.resolve("books.mv.db")).isRegularFile();
    }

    @Test
    void keepsWhatWasCommittedAcrossReopening() {
        Organization practice = new Organization(OrganizationId.random(), "Harper & Lowe");
        try (LocalStore store = LocalStore.open(new DataDirectory(dir))) {
            store.runInTransaction(session -> session.persist(PracticeEntity.from(practice)));
        }
        try (LocalStore store = LocalStore.open(new DataDirectory(dir))) {
            Organization read = store.read(session ->
                    session.find(PracticeEntity.class, practice.id().value()).toDomain());
            assertThat(read).isEqualTo(practice);
        }
    }

    @Test
    void refusesASecondOpenOfTheSameFolderWithAMessageForPeople() {
        try (LocalStore first = LocalStore.open(new DataDirectory(dir))) {
            assertThatThrownBy(() -> LocalStore.open(new DataDirectory(dir)))
                    .isInstanceOf(StoreLockedException.class)
                    .hasMessage("BooksFlow is already open on this data folder (" + dir.toAbsolutePath().normalize()
                            + "); close the other window first.");

            Organization practice = new Organization(OrganizationId.random(), "Still working");
            first.runInTransaction(session -> session.persist(PracticeEntity.from(practice)));
            boolean stored = first.read(session -> session.find(PracticeEntity.class, practice.id().value()) != null);
            assertThat(stored).isTrue();
        }
    }

    @Test
    void opensAgainOnceTheOtherWindowClosed() {
        LocalStore.open(new DataDirectory(dir)).close();
        try (LocalStore again = LocalStore.open(new DataDirectory(dir))) {
            assertThat(again.directory().root()).isEqualTo(dir.toAbsolutePath().normalize());
        }
    }

    @Test
    void rollsBackAWriteThatThrows() {
        Organization practice = new Organization(OrganizationId.random(), "Never stored");
        try (LocalStore store = LocalStore.open(new DataDirectory(dir))) {
            assertThatThrownBy(() -> store.runInTransaction(session -> {
                session.persist(PracticeEntity.from(practice));
                session.flush();
                throw new IllegalStateException("changed my mind");
            })).hasMessage("changed my mind");
            boolean stored = store.read(session -> session.find(PracticeEntity.class, practice.id().value()) != null);
            assertThat(stored).isFalse();
        }
    }

    @Test
    void createsTheDataFolderWhenItIsMissing() {
        Path nested = dir.resolve("a").resolve("b");
        try (LocalStore store = LocalStore.open(new DataDirectory(nested))) {
            assertThat(Files.isDirectory(nested)).isTrue();
        }
    }

    @Test
    void booksNotClosedLastTimeAreSaidSoUntilTheyHaveBeenChecked() throws Exception {
        DataDirectory folder = new DataDirectory(dir);
        LocalStore.open(folder).close();
        try (LocalStore store = LocalStore.open(folder)) {
            assertThat(store.leftOpenBefore()).as("closed properly").isFalse();
        }
        // What a process that died with the books open leaves in the lock file: its own id.
        Files.writeString(folder.lockFile(), "pid 4242\n");
        try (LocalStore store = LocalStore.open(folder)) {
            assertThat(store.leftOpenBefore()).isTrue();
        }
        try (LocalStore store = LocalStore.open(folder)) {
            assertThat(store.leftOpenBefore()).as("closed, but never checked: still to check").isTrue();
            store.checkedAfterUncleanStop();
        }
        try (LocalStore store = LocalStore.open(folder)) {
            assertThat(store.leftOpenBefore()).isFalse();
            assertThat(Files.readString(folder.lockFile())).as("names this process while open")
                    .isEqualTo("pid " + ProcessHandle.current().pid() + "\n");
        }
        assertThat(Files.readString(folder.lockFile())).isEmpty();
    }

    @Test
    void theLockFileCountsTheWritesSavedWhileTheBooksAreOpen() throws Exception {
        DataDirectory folder = new DataDirectory(dir);
        String holder = "pid " + ProcessHandle.current().pid() + "\n";
        try (LocalStore store = LocalStore.open(folder)) {
            assertThat(Files.readString(folder.lockFile())).as("nothing saved yet").isEqualTo(holder);
            for (int i = 0; i < 3; i++) {
                store.runInTransaction(session -> { });
            }
            assertThat(Files.readString(folder.lockFile())).isEqualTo(holder + "saved 0000000000000000003\n");
            assertThat(store.writesLostInCrash()).isZero();
        }
        assertThat(Files.readString(folder.lockFile())).as("closed properly").isEmpty();
        try (LocalStore store = LocalStore.open(folder)) {
            store.runInTransaction(session -> { });
            assertThat(Files.readString(folder.lockFile())).as("counted on from what the books hold")
                    .isEqualTo(holder + "saved 0000000000000000004\n");
        }
    }

    @Test
    void booksThatCameBackWithoutWritesTheyHadSavedSaySoUntilTheyHaveBeenChecked() throws Exception {
        DataDirectory folder = booksThatSaved(2);
        // What a process leaves that had saved five writes when it died, the database having kept two of them.
        Files.writeString(folder.lockFile(), "pid 4242\nsaved 0000000000000000005\n");
        try (LocalStore store = LocalStore.open(folder)) {
            assertThat(store.leftOpenBefore()).isTrue();
            assertThat(store.writesLostInCrash()).isEqualTo(3);
        }
        try (LocalStore store = LocalStore.open(folder)) {
            assertThat(store.writesLostInCrash()).as("closed without a check or a write: told again").isEqualTo(3);
            store.checkedAfterUncleanStop();
            store.runInTransaction(session -> { });
        }
        try (LocalStore store = LocalStore.open(folder)) {
            assertThat(store.leftOpenBefore()).isFalse();
            assertThat(store.writesLostInCrash()).isZero();
        }
    }

    @Test
    void noWriteIsSaidLostWhenTheCountMatchesOrIsMissingOrUnreadable() throws Exception {
        DataDirectory folder = booksThatSaved(2);
        for (String left : List.of("pid 4242\nsaved 0000000000000000002\n", "pid 4242\nsaved 0000000000000000001\n",
                "pid 4242\n", "pid 4242\nsaved 00000000000", "pid 4242\nsaved 000000000000000009x\n",
                "saved 0000000000000000009\n")) {
            Files.writeString(folder.lockFile(), left);
            try (LocalStore store = LocalStore.open(folder)) {
                assertThat(store.writesLostInCrash()).as(left).isZero();
            }
        }
    }

    @Test
    void booksPutInPlaceOfOthersAreNotComparedWithTheCountOfThoseTheyReplaced() throws Exception {
        DataDirectory folder = booksThatSaved(1);
        Files.writeString(folder.lockFile(), "pid 4242\nsaved 0000000000000000007\n");
        SafetyCopy.setAside(folder, java.time.Clock.systemUTC());
        try (LocalStore store = LocalStore.open(folder)) {
            assertThat(store.leftOpenBefore()).as("the mark of the unclean stop stays").isTrue();
            assertThat(store.writesLostInCrash()).as("new books, not the ones counted").isZero();
        }
    }

    /** Books in the test's folder, closed properly after saving that many writes. */
    private DataDirectory booksThatSaved(int writes) {
        DataDirectory folder = new DataDirectory(dir);
        try (LocalStore store = LocalStore.open(folder)) {
            for (int i = 0; i < writes; i++) {
                store.runInTransaction(session -> { });
            }
        }
        return folder;
    }

    private static long count(java.sql.Connection connection, String sql) throws java.sql.SQLException {
        try (Statement statement = connection.createStatement(); java.sql.ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }
}
