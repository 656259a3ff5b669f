package app.booksflow.desktop.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import app.booksflow.desktop.ledger.LedgerServices;
import app.booksflow.desktop.support.ChildJvm;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two windows on one data folder: the second is refused with a message for people, and nothing is harmed. */
class StoreLockAcrossProcessesTest {

    @TempDir
    Path dir;

    private Path books() {
        return dir.resolve("books");
    }

    private void createStoreWithAPractice() {
        try (LocalStore store = LocalStore.open(new DataDirectory(books()))) {
            new LedgerServices(store, Clock.systemUTC()).practice().setUp("Harper & Lowe", "alex");
        }
    }

    private static ChildJvm holding(Path books, Path log, String how) {
        ChildJvm child = ChildJvm.start(HoldStoreMain.class, log, books.toString(), how);
        await().atMost(Duration.ofSeconds(60)).until(() -> child.lines().contains("OPEN") || !child.isAlive());
        assertThat(child.lines()).as("the other process holds the folder (see %s)", log).contains("OPEN");
        return child;
    }

    @Test
    void refusesToOpenAFolderThatAnotherBooksFlowProcessHasOpen() throws Exception {
        createStoreWithAPractice();
        try (ChildJvm other = holding(books(), dir.resolve("other.log"), "store")) {
            assertThatThrownBy(() -> LocalStore.open(new DataDirectory(books())))
                    .isInstanceOf(StoreLockedException.class)
                    .hasMessage("BooksFlow is already open on this data folder (" + books()
                            + "); close the other window first.");
        }
        try (LocalStore store = LocalStore.open(new DataDirectory(books()))) {
            assertThat(new LedgerServices(store, Clock.systemUTC()).practice().current()).isPresent();
        }
    }

    @Test
    void refusesToOpenADatabaseThatAnotherToolHoldsOpenWithTheSameMessage() throws Exception {
        createStoreWithAPractice();
        try (ChildJvm other = holding(books(), dir.resolve("other.log"), "h2")) {
            assertThatThrownBy(() -> LocalStore.open(new DataDirectory(books())))
                    .isInstanceOf(StoreLockedException.class)
                    .hasMessageStartingWith("BooksFlow is already open on this data folder");
        }
        // The refused open released our own lock again: the folder opens once the other tool is gone.
        try (LocalStore store = LocalStore.open(new DataDirectory(books()))) {
            assertThat(new LedgerServices(store, Clock.systemUTC()).practice().current()).isPresent();
        }
    }
}
