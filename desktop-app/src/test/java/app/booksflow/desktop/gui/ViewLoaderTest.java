package app.booksflow.desktop.gui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.booksflow.desktop.gui.settings.SettingsView;
import org.junit.jupiter.api.Test;

class ViewLoaderTest {

    @Test
    void findsTheFxmlNamedAfterTheViewInItsPackage() {
        assertThat(ViewLoader.fxmlFor(SettingsView.class).toString())
                .endsWith("app/booksflow/desktop/gui/settings/Settings.fxml");
    }

    @Test
    void missingFxmlNamesThePathToCreate() {
        assertThatThrownBy(() -> ViewLoader.fxmlFor(MissingView.class))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ViewLoaderTest$MissingView")
                .hasMessageContaining("src/main/resources/app/booksflow/desktop/gui/Missing.fxml");
    }

    @Test
    void classNotNamedLikeAViewIsRefused() {
        assertThatThrownBy(() -> ViewLoader.fxmlFor(String.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("<Feature>View");
    }

    private static final class MissingView {
    }
}
