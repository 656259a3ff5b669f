package app.booksflow.desktop.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.booksflow.desktop.ledger.LedgerServices;
import app.booksflow.desktop.support.DamagedBooks;
import app.booksflow.desktop.support.DashboardSnapshot;
import app.booksflow.desktop.support.MutableClock;
import app.booksflow.desktop.support.TestBooks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The safety copy (ADR 0041) on real H2 books: taken while they are open, described, kept one at a time, and
 * put back in place of books whose file was damaged, the damaged file kept.
 */
class SafetyCopyTest {

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2025-06-15T09:00:00Z"));

    @Test
    void aCopyTakenWhileTheBooksAreOpenIsDescribedAndReplacesTheOneBefore() throws Exception {
        DataDirectory directory = new DataDirectory(dir);
        try (TestBooks books = TestBooks.open(dir)) {
            var client = books.ukClient("Wren Bakery");
            books.ledger.transactions().create(books.sale(client, LocalDate.of(2025, 6, 3), "60.00"), TestBooks.USER);
            SafetyCopy.Info first = SafetyCopy.take(books.store, "after the demo practice's load", clock);
            assertThat(SafetyCopy.find(directory)).contains(first);
            assertThat(first.transactions()).isEqualTo(1);

            books.ledger.transactions().create(books.sale(client, LocalDate.of(2025, 6, 4), "80.00"), TestBooks.USER);
            clock.advance(Duration.ofMinutes(5));
            SafetyCopy.Info second = SafetyCopy.take(books.store, "after a sync that brought 12,000 changes", clock);

            assertThat(SafetyCopy.find(directory)).hasValueSatisfying(found -> {
                assertThat(found.takenAt()).isEqualTo(Instant.parse("2025-06-15T09:05:00Z"));
                assertThat(found.occasion()).isEqualTo("after a sync that brought 12,000 changes");
                assertThat(found.transactions()).isEqualTo(2);
                assertThat(found.file()).isEqualTo(second.file());
            });
            assertThat(first.file()).as("one copy is kept").doesNotExist();
        }
    }

    @Test
    void aCopyCutShortIsNotTakenForOne() throws Exception {
        DataDirectory directory = new DataDirectory(dir);
        Files.createDirectories(directory.safetyCopies());
        Files.write(directory.safetyCopies().resolve("books-1750000000000.h2.sql.deflate.part"), new byte[] {1, 2, 3});

        assertThat(SafetyCopy.find(directory)).isEmpty();
        assertThatThrownBy(() -> SafetyCopy.restore(directory, clock)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("There is no safety copy");

        try (TestBooks books = TestBooks.open(dir)) {
            SafetyCopy.take(books.store, "at the day's first start", clock);
        }
        try (var files = Files.list(directory.safetyCopies())) {
            assertThat(files.map(file -> file.getFileName().toString()).toList()).as("the part left is removed")
                    .containsExactlyInAnyOrder("books-1749978000000.h2.sql.deflate", "books-1749978000000.properties");
        }
    }

    @Test
    void damagedBooksAreReplacedByTheCopyAndKept() throws Exception {
        DataDirectory directory = new DataDirectory(dir);
        try (TestBooks books = TestBooks.open(dir)) {
            var client = books.ukClient("Wren Bakery");
            for (int day = 1; day <= 28; day++) {
                books.ledger.transactions().create(books.sale(client, LocalDate.of(2025, 5, day), "10.00"),
                        TestBooks.USER);
            }
            SafetyCopy.take(books.store, "after the demo practice's load", clock);
            books.ledger.transactions().create(books.sale(client, LocalDate.of(2025, 6, 1), "99.00"), TestBooks.USER);
        }
        byte[] before = Files.readAllBytes(directory.databaseFile());
        DamagedBooks.soTheyDoNotOpen(directory);
        assertThat(readsWhole(directory)).as("the damage shows when the books are read").isFalse();

        clock.advance(Duration.ofHours(1));
        Path kept = SafetyCopy.restore(directory, clock);

        assertThat(kept).isEqualTo(directory.damaged().resolve("books-20250615-100000.mv.db"));
        assertThat(kept).exists().hasSize(before.length);
        assertThat(readsWhole(directory)).isTrue();
        try (LocalStore store = LocalStore.open(directory)) {
            Map<String, Long> rows = store.readJdbc(WholeBooks::readEveryRow);
            assertThat(rows.get("transactions")).as("the copy's 28; the one entered after it is not there").isEqualTo(28);
        }
        assertThat(directory.safetyCopies().resolve("check")).doesNotExist();
        assertThat(SafetyCopy.find(directory)).as("the copy stays for another time").isPresent();
    }

    @Test
    void aCopyTakenWhileTransactionsAreWrittenHoldsTheBooksOfOneMoment() throws Exception {
        DataDirectory directory = new DataDirectory(dir);
        SafetyCopy.Info copy;
        int written;
        try (TestBooks books = TestBooks.open(dir)) {
            var client = books.ukClient("Wren Bakery");
            for (int i = 0; i < 200; i++) {
                books.ledger.transactions().create(books.sale(client, LocalDate.of(2025, 1 + i % 12, 1 + i % 28),
                        "1" + i + ".00"), TestBooks.USER);
            }
            AtomicBoolean writing = new AtomicBoolean(true);
            AtomicInteger during = new AtomicInteger();
            Thread writer = Thread.ofPlatform().start(() -> {
                while (writing.get()) {
                    books.ledger.transactions().create(books.sale(client, LocalDate.of(2025, 6, 1 + during.get() % 28),
                            "2" + during.get() + ".00"), TestBooks.USER);
                    during.incrementAndGet();
                }
            });
            while (during.get() < 3) {
                Thread.onSpinWait();
            }
            copy = SafetyCopy.take(books.store, "after the demo practice's load", clock);
            int before = during.get();
            while (during.get() < before + 3) {
                Thread.onSpinWait();
            }
            writing.set(false);
            writer.join();
            written = 200 + during.get();
        }

        SafetyCopy.restore(directory, clock);

        try (LocalStore store = LocalStore.open(directory)) {
            Map<String, Long> rows = store.readJdbc(WholeBooks::readEveryRow);
            assertThat(rows.get("transactions")).as("the count read with the copy").isEqualTo(copy.transactions())
                    .isGreaterThan(200).isLessThan(written);
            assertThat(new LedgerServices(store, clock).repair().checkAndRepair().whole())
                    .as("every transaction with its lines").isTrue();
            DashboardSnapshot[] dashboards = DashboardSnapshot.incrementalAndRebuilt(store);
            assertThat(dashboards[0].rows()).as("the dashboards of the same moment").isEqualTo(dashboards[1].rows());
        }
    }

    @Test
    void booksBeingClosedTakeNoCopyAndKeepTheLastOne() throws Exception {
        DataDirectory directory = new DataDirectory(dir);
        try (TestBooks books = TestBooks.open(dir)) {
            var client = books.ukClient("Wren Bakery");
            books.ledger.transactions().create(books.sale(client, LocalDate.of(2025, 6, 3), "60.00"), TestBooks.USER);
            SafetyCopy.Info last = SafetyCopy.take(books.store, "after the demo practice's load", clock);
            clock.advance(Duration.ofDays(1));

            books.store.stopSafetyCopies();

            assertThatThrownBy(() -> SafetyCopy.take(books.store, "at the day's first start", clock))
                    .hasMessageContaining("The books are closing");
            assertThat(SafetyCopy.find(directory)).contains(last);
            try (var files = Files.list(directory.safetyCopies())) {
                assertThat(files.map(file -> file.getFileName().toString())).as("no part left")
                        .noneMatch(name -> name.endsWith(".part"));
            }
            assertThat(books.ledger.transactions().list(client.id(), LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31)))
                    .as("the books themselves go on").hasSize(1);
        }
    }

    @Test
    void aCopyThatDoesNotReadWholeEitherMovesNothing() throws Exception {
        DataDirectory directory = new DataDirectory(dir);
        try (TestBooks books = TestBooks.open(dir)) {
            var client = books.ukClient("Wren Bakery");
            books.ledger.transactions().create(books.sale(client, LocalDate.of(2025, 6, 3), "60.00"), TestBooks.USER);
            SafetyCopy.take(books.store, "after the demo practice's load", clock);
        }
        Path copy = SafetyCopy.find(directory).orElseThrow().file();
        Files.write(copy, "not a deflated script at all".getBytes());
        byte[] books = Files.readAllBytes(directory.databaseFile());

        assertThatThrownBy(() -> SafetyCopy.restore(directory, clock)).hasMessageContaining("does not read whole either").hasMessageContaining("Nothing was changed");

        assertThat(Files.readAllBytes(directory.databaseFile())).isEqualTo(books);
        assertThat(directory.damaged()).doesNotExist();
    }

    private static boolean readsWhole(DataDirectory directory) {
        try (LocalStore store = LocalStore.open(directory)) {
            store.readJdbc(WholeBooks::readEveryRow);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
