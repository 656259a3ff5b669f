package app.booksflow.desktop.gui.settings;

import app.booksflow.desktop.gui.ViewLoader;
import app.booksflow.desktop.settings.CurrencyDisplay;
import java.io.File;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.util.StringConverter;
import org.controlsfx.control.SearchableComboBox;

/** Binds Settings.fxml to the {@link SettingsViewModel}; the folder chooser is the only thing it does itself. */
public final class SettingsView {

    private final SettingsViewModel viewModel;
    private final SyncSignInViewModel sync;
    private final HostingViewModel hosting;
    private final Parent root;

    @FXML private TextField dataFolderField;
    @FXML private Label dataFolderError;
    @FXML private Label dataFolderNote;
    @FXML private SearchableComboBox<Locale> localeBox;
    @FXML private ToggleGroup currencyDisplay;
    @FXML private RadioButton currencySymbol;
    @FXML private RadioButton currencyIsoCode;
    @FXML private TextField syncServerField;
    @FXML private Label syncServerError;
    @FXML private Label outcome;
    @FXML private Button saveButton;
    @FXML private VBox syncForm;
    @FXML private TextField syncEmailField;
    @FXML private PasswordField syncPasswordField;
    @FXML private Button signInButton;
    @FXML private ProgressIndicator signInProgress;
    @FXML private Label signInError;
    @FXML private HBox signedInBox;
    @FXML private Label signedInLabel;
    @FXML private Label syncNote;
    @FXML private VBox hostingBox;
    @FXML private TextField hostingPortField;
    @FXML private Label hostingPortError;
    @FXML private TextField hostingEmailField;
    @FXML private PasswordField hostingPasswordField;
    @FXML private Button hostingStartButton;
    @FXML private Button hostingStopButton;
    @FXML private ProgressIndicator hostingProgress;
    @FXML private Label hostingStatus;
    @FXML private Label hostingError;

    public SettingsView(SettingsViewModel viewModel) {
        this(viewModel, null);
    }

    /** With the Sync section (sign in and out); without it the section is not shown. */
    public SettingsView(SettingsViewModel viewModel, SyncSignInViewModel sync) {
        this(viewModel, sync, null);
    }

    /** With the part that hosts the practice's server on this computer; without it that part is not shown. */
    public SettingsView(SettingsViewModel viewModel, SyncSignInViewModel sync, HostingViewModel hosting) {
        this.viewModel = viewModel;
        this.sync = sync;
        this.hosting = hosting;
        this.root = ViewLoader.load(this);
    }

    public Parent root() {
        return root;
    }

    @FXML
    private void initialize() {
        dataFolderField.textProperty().bindBidirectional(viewModel.dataFolderProperty());
        dataFolderError.textProperty().bind(viewModel.dataFolderErrorProperty());
        dataFolderNote.setText(viewModel.dataFolderNote());
        dataFolderNote.setManaged(!viewModel.dataFolderNote().isEmpty());

        localeBox.getItems().setAll(viewModel.availableLocales());
        localeBox.setConverter(new LocaleNames());
        localeBox.valueProperty().bindBidirectional(viewModel.localeProperty());

        currencySymbol.setUserData(CurrencyDisplay.SYMBOL);
        currencyIsoCode.setUserData(CurrencyDisplay.ISO_CODE);
        selectCurrencyToggle(viewModel.currencyDisplayProperty().get());
        viewModel.currencyDisplayProperty().addListener((observable, old, now) -> selectCurrencyToggle(now));
        currencyDisplay.selectedToggleProperty().addListener((observable, old, now) -> {
            if (now != null) {
                viewModel.currencyDisplayProperty().set((CurrencyDisplay) now.getUserData());
            }
        });

        syncServerField.textProperty().bindBidirectional(viewModel.syncServerProperty());
        syncServerError.textProperty().bind(viewModel.syncServerErrorProperty());
        outcome.textProperty().bind(viewModel.outcomeProperty());
        saveButton.disableProperty().bind(Bindings.not(viewModel.canSaveProperty()));
        bindSync();
        bindHosting();
    }

    private void bindHosting() {
        hostingBox.managedProperty().bind(hostingBox.visibleProperty());
        if (hosting == null) {
            hostingBox.setVisible(false);
            return;
        }
        hostingPortField.textProperty().bindBidirectional(hosting.portProperty());
        hostingPortError.textProperty().bind(hosting.portErrorProperty());
        hostingEmailField.textProperty().bindBidirectional(hosting.emailProperty());
        hostingPasswordField.textProperty().bindBidirectional(hosting.passwordProperty());
        hostingPasswordField.setOnAction(event -> {
            hosting.start();
            event.consume(); // Enter here starts hosting rather than saving the settings
        });
        for (Node field : new Node[] {hostingPortField, hostingEmailField, hostingPasswordField}) {
            field.disableProperty().bind(Bindings.or(hosting.hostingProperty(), hosting.busyProperty()));
        }
        hostingStartButton.disableProperty().bind(Bindings.not(hosting.canStartProperty()));
        hostingStopButton.disableProperty().bind(Bindings.not(hosting.canStopProperty()));
        hostingProgress.managedProperty().bind(hostingProgress.visibleProperty());
        hostingProgress.visibleProperty().bind(hosting.busyProperty());
        hostingStatus.textProperty().bind(hosting.statusProperty());
        hostingError.textProperty().bind(hosting.errorProperty());
    }

    @FXML
    private void startHosting() {
        hosting.start();
    }

    @FXML
    private void stopHosting() {
        hosting.stop();
    }

    private void bindSync() {
        for (Node node : new Node[] {syncForm, signedInBox, syncNote, signInProgress}) {
            node.managedProperty().bind(node.visibleProperty());
        }
        if (sync == null) {
            syncForm.setVisible(false);
            signedInBox.setVisible(false);
            syncNote.setVisible(false);
            return;
        }
        syncEmailField.textProperty().bindBidirectional(sync.emailProperty());
        syncPasswordField.textProperty().bindBidirectional(sync.passwordProperty());
        syncPasswordField.setOnAction(event -> {
            sync.signIn();
            event.consume(); // Enter here signs in rather than saving the settings
        });
        signInButton.disableProperty().bind(Bindings.not(sync.canSignInProperty()));
        signInProgress.visibleProperty().bind(sync.signingInProperty());
        signInError.textProperty().bind(sync.errorProperty());
        syncForm.visibleProperty().bind(Bindings.not(sync.signedInProperty()));
        signedInBox.visibleProperty().bind(sync.signedInProperty());
        signedInLabel.textProperty().bind(sync.signedInTextProperty());
        syncNote.textProperty().bind(Bindings.when(sync.availableProperty())
                .then("Signing in shares these books with the practice's server; the sign-in is kept until you sign out.")
                .otherwise("Sign in is possible once the books are open."));
    }

    @FXML
    private void signIn() {
        sync.signIn();
    }

    @FXML
    private void signOut() {
        sync.signOut();
    }

    @FXML
    private void chooseDataFolder() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Data folder for BooksFlow");
        File shown = new File(viewModel.dataFolderProperty().get());
        if (shown.isDirectory()) {
            chooser.setInitialDirectory(shown);
        }
        File chosen = chooser.showDialog(root.getScene().getWindow());
        if (chosen != null) {
            viewModel.dataFolderProperty().set(chosen.getAbsolutePath());
        }
    }

    @FXML
    private void save() {
        viewModel.save();
    }

    @FXML
    private void cancel() {
        viewModel.revert();
    }

    private void selectCurrencyToggle(CurrencyDisplay display) {
        currencyDisplay.selectToggle(display == CurrencyDisplay.ISO_CODE ? currencyIsoCode : currencySymbol);
    }

    private static final class LocaleNames extends StringConverter<Locale> {
        @Override
        public String toString(Locale locale) {
            return locale == null ? "" : locale.getDisplayName() + " (" + locale.toLanguageTag() + ")";
        }

        @Override
        public Locale fromString(String text) {
            // The box is not editable; values only come from its list.
            return null;
        }
    }
}
