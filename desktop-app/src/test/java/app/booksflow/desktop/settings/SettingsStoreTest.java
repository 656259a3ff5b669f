package app.booksflow.desktop.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsStoreTest {

    @TempDir
    Path dir;

    private AppDirectories directories;
    private SettingsStore store;

    @BeforeEach
    void setUp() {
        directories = new AppDirectories(dir.resolve("config"), dir.resolve("data"));
        store = new SettingsStore(directories);
    }

    @Test
    void missingFileGivesDefaultsWithoutWarning() {
        SettingsStore.Loaded loaded = store.load();

        assertThat(loaded.settings()).isEqualTo(Settings.defaults(directories));
        assertThat(loaded.settings().syncServer()).isEmpty();
        assertThat(loaded.warnings()).isEmpty();
    }

    @Test
    void savedSettingsLoadAgain() throws IOException {
        Settings settings = new Settings(dir.resolve("books"), Locale.forLanguageTag("de-CH"), CurrencyDisplay.ISO_CODE,
                Optional.of(SyncServerAddress.parse("https://sync.example.com:8443")));

        store.save(settings);
        SettingsStore.Loaded loaded = store.load();

        assertThat(loaded.settings()).isEqualTo(settings);
        assertThat(loaded.warnings()).isEmpty();
    }

    @Test
    void hostingThePracticesServerIsRememberedWithItsPort() throws IOException {
        Settings hosting = Settings.defaults(directories).withHosting(Optional.of(new Hosting(8181)));

        store.save(hosting);

        assertThat(store.load().settings().hosting()).contains(new Hosting(8181));
        store.save(hosting.withHosting(Optional.empty()));
        assertThat(store.load().settings().hosting()).isEmpty();
    }

    @Test
    void saveReplacesTheFileAndLeavesNoTemporaryFileBehind() throws IOException {
        Settings first = Settings.defaults(directories);
        store.save(first);
        store.save(new Settings(first.dataFolder(), Locale.FRANCE, CurrencyDisplay.ISO_CODE, Optional.empty()));

        try (var files = Files.list(directories.configFolder())) {
            assertThat(files).containsExactly(store.file());
        }
        assertThat(store.load().settings().locale()).isEqualTo(Locale.FRANCE);
    }

    @Test
    void corruptFileGivesDefaultsAndAWarningInsteadOfACrash() throws IOException {
        Files.createDirectories(directories.configFolder());
        // Not UTF-8: what a half-written sector or a stray binary file looks like.
        Files.write(store.file(), new byte[] {(byte) 0xC3, 0x28, (byte) 0xFF, (byte) 0xFE, 0x00, 0x41});

        SettingsStore.Loaded loaded = store.load();

        assertThat(loaded.settings()).isEqualTo(Settings.defaults(directories));
        assertThat(loaded.warnings()).singleElement().asString()
                .contains(store.file().toString())
                .contains("default settings are used");
    }

    @Test
    void brokenEscapeInTheFileGivesDefaultsAndAWarning() throws IOException {
        Files.createDirectories(directories.configFolder());
        Files.writeString(store.file(), "locale=\\uZZZZ\n", StandardCharsets.UTF_8);

        SettingsStore.Loaded loaded = store.load();

        assertThat(loaded.settings()).isEqualTo(Settings.defaults(directories));
        assertThat(loaded.warnings()).hasSize(1);
    }

    @Test
    void oneUnusableValueFallsBackAloneAndIsNamedInTheWarning() throws IOException {
        Files.createDirectories(directories.configFolder());
        Files.writeString(store.file(), """
                locale=fr-FR
                currency.display=IN_WORDS
                sync.server=ftp://old.example.com
                data.folder=relative/folder
                """, StandardCharsets.UTF_8);

        SettingsStore.Loaded loaded = store.load();

        Settings defaults = Settings.defaults(directories);
        assertThat(loaded.settings().locale()).isEqualTo(Locale.FRANCE);
        assertThat(loaded.settings().currencyDisplay()).isEqualTo(defaults.currencyDisplay());
        assertThat(loaded.settings().syncServer()).isEmpty();
        assertThat(loaded.settings().dataFolder()).isEqualTo(defaults.dataFolder());
        assertThat(loaded.warnings()).hasSize(3)
                .anySatisfy(warning -> assertThat(warning).contains("currency.display").contains("IN_WORDS"))
                .anySatisfy(warning -> assertThat(warning).contains("sync.server"))
                .anySatisfy(warning -> assertThat(warning).contains("data.folder"));
    }

    @Test
    void emptySyncServerMeansSyncIsNotSetUp() throws IOException {
        Files.createDirectories(directories.configFolder());
        Files.writeString(store.file(), "sync.server=\n", StandardCharsets.UTF_8);

        SettingsStore.Loaded loaded = store.load();

        assertThat(loaded.settings().syncServer()).isEmpty();
        assertThat(loaded.warnings()).isEmpty();
    }
}
