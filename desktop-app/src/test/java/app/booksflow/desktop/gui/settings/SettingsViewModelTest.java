package app.booksflow.desktop.gui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import app.booksflow.desktop.gui.task.SynchronousTaskExecutor;
import app.booksflow.desktop.settings.AppDirectories;
import app.booksflow.desktop.settings.CurrencyDisplay;
import app.booksflow.desktop.settings.Settings;
import app.booksflow.desktop.settings.SettingsStore;
import app.booksflow.desktop.settings.SyncServerAddress;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Settings form without a screen: the synchronous executor runs the save on the test's thread. */
class SettingsViewModelTest {

    @TempDir
    Path dir;

    private SettingsStore store;
    private ObjectProperty<Settings> current;
    private SettingsViewModel viewModel;

    @BeforeEach
    void setUp() {
        AppDirectories directories = new AppDirectories(dir.resolve("config"), dir.resolve("data"));
        store = new SettingsStore(directories);
        current = new SimpleObjectProperty<>(Settings.defaults(directories));
        viewModel = new SettingsViewModel(store, current, Optional.empty(), new SynchronousTaskExecutor());
    }

    @Test
    void formStartsWithTheCurrentSettingsAndNothingToSave() {
        assertThat(viewModel.dataFolderProperty().get()).isEqualTo(dir.resolve("data").toString());
        assertThat(viewModel.syncServerProperty().get()).isEmpty();
        assertThat(viewModel.syncServerErrorProperty().get()).isEmpty();
        assertThat(viewModel.validProperty().get()).isTrue();
        assertThat(viewModel.canSaveProperty().get()).isFalse();
    }

    @Test
    void invalidServerAddressIsExplainedAndCannotBeSaved() {
        viewModel.syncServerProperty().set("ftp://sync.example.com");

        assertThat(viewModel.syncServerErrorProperty().get()).contains("https://");
        assertThat(viewModel.validProperty().get()).isFalse();
        assertThat(viewModel.canSaveProperty().get()).isFalse();
    }

    @Test
    void serverAddressWithoutHostIsExplained() {
        viewModel.syncServerProperty().set("https:///books");

        assertThat(viewModel.syncServerErrorProperty().get()).contains("server name");
    }

    @Test
    void correctingTheAddressClearsTheMessage() {
        viewModel.syncServerProperty().set("sync.example.com");
        viewModel.syncServerProperty().set("https://sync.example.com");

        assertThat(viewModel.syncServerErrorProperty().get()).isEmpty();
        assertThat(viewModel.canSaveProperty().get()).isTrue();
    }

    @Test
    void relativeDataFolderIsExplained() {
        viewModel.dataFolderProperty().set("books");

        assertThat(viewModel.dataFolderErrorProperty().get()).contains("full path");
        assertThat(viewModel.canSaveProperty().get()).isFalse();
    }

    @Test
    void dataFolderThatIsAFileIsExplained() throws IOException {
        Path file = Files.createFile(dir.resolve("ledger.txt"));
        viewModel.dataFolderProperty().set(file.toString());

        assertThat(viewModel.dataFolderErrorProperty().get()).contains("not a folder");
    }

    @Test
    void saveWritesTheFileAndMakesTheSettingsCurrent() {
        viewModel.syncServerProperty().set("https://sync.example.com/");
        viewModel.currencyDisplayProperty().set(CurrencyDisplay.ISO_CODE);
        viewModel.localeProperty().set(Locale.GERMANY);

        viewModel.save();

        Settings expected = new Settings(dir.resolve("data"), Locale.GERMANY, CurrencyDisplay.ISO_CODE,
                Optional.of(SyncServerAddress.parse("https://sync.example.com")));
        assertThat(store.load().settings()).isEqualTo(expected);
        assertThat(current.get()).isEqualTo(expected);
        assertThat(viewModel.outcomeProperty().get()).isEqualTo("Settings saved.");
        assertThat(viewModel.canSaveProperty().get()).isFalse();
        assertThat(viewModel.savingProperty().get()).isFalse();
    }

    @Test
    void movingTheDataFolderSaysWhenItTakesEffect() {
        viewModel.dataFolderProperty().set(dir.resolve("elsewhere").toString());

        viewModel.save();

        assertThat(viewModel.outcomeProperty().get()).contains("next start");
    }

    @Test
    void failedSaveIsShownAndKeepsTheOldSettings() throws IOException {
        Files.writeString(dir.resolve("config"), "a file where the config folder should be");
        Settings before = current.get();
        viewModel.syncServerProperty().set("https://sync.example.com");

        viewModel.save();

        assertThat(viewModel.outcomeProperty().get()).contains("could not be saved").contains("is a file, not a folder");
        assertThat(current.get()).isEqualTo(before);
        assertThat(viewModel.canSaveProperty().get()).isTrue();
    }

    @Test
    void cancelPutsTheSavedSettingsBack() {
        viewModel.syncServerProperty().set("not a server");
        viewModel.dataFolderProperty().set("relative");

        viewModel.revert();

        assertThat(viewModel.syncServerProperty().get()).isEmpty();
        assertThat(viewModel.dataFolderProperty().get()).isEqualTo(dir.resolve("data").toString());
        assertThat(viewModel.validProperty().get()).isTrue();
    }

    @Test
    void dataFolderOverrideIsExplained() {
        SettingsViewModel overridden = new SettingsViewModel(store, current, Optional.of(Path.of("/tmp/session")),
                new SynchronousTaskExecutor());

        assertThat(overridden.dataFolderNote()).contains("/tmp/session").contains("--data-dir");
        assertThat(viewModel.dataFolderNote()).isEmpty();
    }

    @Test
    void offersLocalesWithARegionAndTheCurrentOneEvenWithout() {
        Settings now = current.get();
        current.set(new Settings(now.dataFolder(), Locale.ENGLISH, now.currencyDisplay(), now.syncServer()));

        assertThat(viewModel.availableLocales()).contains(Locale.GERMANY, Locale.US, Locale.ENGLISH)
                .filteredOn(locale -> !locale.equals(Locale.ENGLISH))
                .allSatisfy(locale -> assertThat(locale.getCountry()).isNotEmpty());
    }
}
