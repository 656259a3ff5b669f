package app.booksflow.desktop.gui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;

/**
 * Finds a view's FXML by convention (the afterburner.fx idea): the controller {@code a.b.SettingsView}
 * loads {@code a/b/Settings.fxml} from the class path, that is
 * {@code src/main/resources/a/b/Settings.fxml}. The FXML names no controller ({@code fx:controller}):
 * the view object passed in is the controller, already holding its ViewModel.
 */
public final class ViewLoader {

    private static final String SUFFIX = "View";

    private ViewLoader() {
    }

    /** Loads the view's FXML with {@code view} as its controller (fields injected, initialize() called). */
    public static <R extends Parent> R load(Object view) {
        URL location = fxmlFor(view.getClass());
        FXMLLoader loader = new FXMLLoader(location);
        loader.setController(view);
        try {
            return loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not load " + location + " for " + view.getClass().getName()
                    + ": " + e.getMessage(), e);
        }
    }

    /** Where the FXML of a view class must be; fails with the path to create when it is not there. */
    public static URL fxmlFor(Class<?> viewClass) {
        String name = viewClass.getSimpleName();
        if (!name.endsWith(SUFFIX) || name.length() == SUFFIX.length()) {
            throw new IllegalArgumentException("A view class is named <Feature>View to find <Feature>.fxml, but "
                    + viewClass.getName() + " is not");
        }
        String fxmlName = name.substring(0, name.length() - SUFFIX.length()) + ".fxml";
        URL location = viewClass.getResource(fxmlName);
        if (location == null) {
            String path = viewClass.getPackageName().replace('.', '/') + "/" + fxmlName;
            throw new IllegalStateException("No FXML for " + viewClass.getName() + ": expected " + path
                    + " on the class path (src/main/resources/" + path + ")");
        }
        return location;
    }
}
