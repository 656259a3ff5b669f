package app.booksflow.desktop.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AppDirectoriesTest {

    private static final Path HOME = Path.of("/home/anna");

    @Test
    void linuxFollowsXdgVariables() {
        AppDirectories dirs = AppDirectories.forOs("Linux",
                Map.of("XDG_CONFIG_HOME", "/cfg", "XDG_DATA_HOME", "/data"), HOME);

        assertThat(dirs.configFolder()).isEqualTo(Path.of("/cfg/booksflow"));
        assertThat(dirs.defaultDataFolder()).isEqualTo(Path.of("/data/booksflow"));
    }

    @Test
    void linuxFallsBackToDotConfigWhenXdgIsUnsetOrRelative() {
        AppDirectories dirs = AppDirectories.forOs("Linux", Map.of("XDG_CONFIG_HOME", "relative/cfg"), HOME);

        assertThat(dirs.configFolder()).isEqualTo(HOME.resolve(".config/booksflow"));
        assertThat(dirs.defaultDataFolder()).isEqualTo(HOME.resolve(".local/share/booksflow"));
    }

    @Test
    void macUsesApplicationSupport() {
        AppDirectories dirs = AppDirectories.forOs("Mac OS X", Map.of(), HOME);

        assertThat(dirs.configFolder()).isEqualTo(HOME.resolve("Library/Application Support/BooksFlow"));
        assertThat(dirs.defaultDataFolder()).isEqualTo(HOME.resolve("Library/Application Support/BooksFlow/data"));
    }

    @Test
    void windowsKeepsSettingsInRoamingAppDataAndDataInLocalAppData() {
        // Unix-style values: the test runs on Linux, where a C:\ path is not absolute.
        AppDirectories dirs = AppDirectories.forOs("Windows 11",
                Map.of("APPDATA", "/users/anna/roaming", "LOCALAPPDATA", "/users/anna/local"), HOME);

        assertThat(dirs.configFolder()).isEqualTo(Path.of("/users/anna/roaming/BooksFlow"));
        assertThat(dirs.defaultDataFolder()).isEqualTo(Path.of("/users/anna/local/BooksFlow/data"));
    }

    @Test
    void configFolderCanBeMovedForTestsAndPortableInstalls() {
        AppDirectories dirs = AppDirectories.forOs("Linux", Map.of(), HOME).withConfigFolder(Path.of("/tmp/cfg"));

        assertThat(dirs.configFolder()).isEqualTo(Path.of("/tmp/cfg"));
        assertThat(dirs.defaultDataFolder()).isEqualTo(HOME.resolve(".local/share/booksflow"));
    }

    @Test
    void cacheFolderIsTheOsCachePlace() {
        assertThat(AppDirectories.cacheFolderForOs("Linux", Map.of("XDG_CACHE_HOME", "/c"), HOME))
                .isEqualTo(Path.of("/c/booksflow"));
        assertThat(AppDirectories.cacheFolderForOs("Linux", Map.of(), HOME)).isEqualTo(HOME.resolve(".cache/booksflow"));
        assertThat(AppDirectories.cacheFolderForOs("Mac OS X", Map.of(), HOME))
                .isEqualTo(HOME.resolve("Library/Caches/BooksFlow"));
        assertThat(AppDirectories.cacheFolderForOs("Windows 11", Map.of("LOCALAPPDATA", "/users/anna/local"), HOME))
                .isEqualTo(Path.of("/users/anna/local/BooksFlow/cache"));
    }
}
