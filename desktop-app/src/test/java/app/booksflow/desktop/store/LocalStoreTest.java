package app.booksflow.desktop.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.booksflow.desktop.store.entity.PracticeEntity;
import app.booksflow.model.id.OrganizationId;
import app.booksflow.model.practice.Organization;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalStoreTest {

    @TempDir
    Path dir;

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
}
