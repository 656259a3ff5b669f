package app.booksflow.desktop.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataDirectoryTest {

    private static final Path HOME = Path.of("/home/alex");

    @Test
    void windowsKeepsTheBooksUnderAppData() {
        Path appData = Path.of("/users/alex/AppData/Roaming");
        assertThat(DataDirectory.standardLocation("Windows 11", Map.of("APPDATA", appData.toString()), HOME))
                .isEqualTo(appData.resolve("BooksFlow"));
    }

    @Test
    void windowsWithoutAppDataFallsBackToTheRoamingFolderInTheHome() {
        assertThat(DataDirectory.standardLocation("Windows 10", Map.of(), HOME))
                .isEqualTo(HOME.resolve("AppData/Roaming/BooksFlow"));
    }

    @Test
    void macOsKeepsTheBooksInApplicationSupport() {
        assertThat(DataDirectory.standardLocation("Mac OS X", Map.of(), HOME))
                .isEqualTo(HOME.resolve("Library/Application Support/BooksFlow"));
    }

    @Test
    void linuxFollowsXdgDataHome() {
        assertThat(DataDirectory.standardLocation("Linux", Map.of("XDG_DATA_HOME", "/data/alex"), HOME))
                .isEqualTo(Path.of("/data/alex/booksflow"));
    }

    @Test
    void linuxWithoutXdgDataHomeUsesLocalShare() {
        assertThat(DataDirectory.standardLocation("Linux", Map.of(), HOME))
                .isEqualTo(HOME.resolve(".local/share/booksflow"));
    }

    @Test
    void aRelativeXdgDataHomeIsIgnoredAsTheSpecificationSays() {
        assertThat(DataDirectory.standardLocation("Linux", Map.of("XDG_DATA_HOME", "relative/data"), HOME))
                .isEqualTo(HOME.resolve(".local/share/booksflow"));
    }

    @Test
    void theDataDirFlagWinsOverEverythingElse(@TempDir Path dir) {
        assertThat(DataDirectory.resolve(Optional.of(dir.toString())).root()).isEqualTo(dir.toAbsolutePath());
    }

    @Test
    void theDatabaseReceiptsAndLockLiveInsideTheFolder(@TempDir Path dir) {
        DataDirectory directory = new DataDirectory(dir);
        assertThat(directory.database()).isEqualTo(dir.resolve("books"));
        assertThat(directory.receipts()).isEqualTo(dir.resolve("receipts"));
        assertThat(directory.lockFile().getParent()).isEqualTo(dir);
    }
}
