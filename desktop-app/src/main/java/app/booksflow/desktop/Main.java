package app.booksflow.desktop;

import app.booksflow.desktop.gui.BooksFlowApp;
import app.booksflow.desktop.gui.SmokeRun;
import app.booksflow.desktop.settings.AppDirectories;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.List;

/**
 * The desktop app's entry point. A plain class rather than a JavaFX {@code Application}: with JavaFX
 * on the class path, a main class that extends Application is refused ("JavaFX runtime components
 * are missing"), and commands that need no window should not start the toolkit at all.
 */
public final class Main {

    /** Exit code for a command line that could not be understood (as in most Unix tools). */
    static final int USAGE_ERROR = 2;

    private Main() {
    }

    public static void main(String[] args) {
        Instant jvmStartedAt = Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime());
        switch (Arguments.parse(List.of(args), jvmStartedAt)) {
            case Arguments.Command.ShowHelp help -> System.out.print(Arguments.USAGE);
            case Arguments.Command.ShowVersion version -> System.out.println("BooksFlow " + version());
            case Arguments.Command.ReadReceipts ocr -> System.exit(ReceiptsCommand.run(ocr, System.out, System.err));
            case Arguments.Command.CheckData check -> System.exit(DataCheck.run(check.options(), System.out, System.err));
            case Arguments.Command.Smoke smoke -> {
                useCacheFolderForJavaFx();
                System.exit(SmokeRun.run(smoke.options(), System.out, System.err));
            }
            case Arguments.Command.Invalid invalid -> {
                System.err.println("booksflow: " + invalid.problem());
                System.err.println();
                System.err.print(Arguments.USAGE);
                System.exit(USAGE_ERROR);
            }
            case Arguments.Command.OpenWindow open -> {
                useCacheFolderForJavaFx();
                try {
                    BooksFlowApp.runUntilClosed(open.options());
                } catch (UnsupportedOperationException e) {
                    // JavaFX says "Unable to open DISPLAY" with a stack trace; one line helps more over SSH or in a container.
                    System.err.println("booksflow: cannot open a window (" + e.getMessage()
                            + "): start BooksFlow in a graphical desktop session");
                    System.exit(1);
                }
            }
        }
    }

    /**
     * JavaFX unpacks its native libraries before the first window; they go to the OS's cache folder for
     * BooksFlow (as Tesseract's do) rather than {@code ~/.openjfx}, unless the JVM was told otherwise.
     */
    private static void useCacheFolderForJavaFx() {
        if (System.getProperty("javafx.cachedir") == null) {
            System.setProperty("javafx.cachedir", AppDirectories.cacheFolderForCurrentUser().resolve("javafx").toString());
        }
    }

    static String version() {
        String version = Main.class.getPackage().getImplementationVersion();
        return version == null ? "(development build)" : version;
    }
}
