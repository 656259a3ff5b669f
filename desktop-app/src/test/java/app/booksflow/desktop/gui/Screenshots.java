package app.booksflow.desktop.gui;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;
import org.testfx.util.WaitForAsyncUtils;

/**
 * PNG pictures of what a test shows, for checking by eye and for the docs. Works headless under
 * Monocle (scene snapshot, no screen capture) and with java.awt.headless=true: only BufferedImage
 * and ImageIO are used from AWT, and neither needs a display.
 */
public final class Screenshots {

    private Screenshots() {
    }

    /** target/screenshots of the module under test. */
    public static Path folder() {
        return Path.of(System.getProperty("basedir", "."), "target", "screenshots");
    }

    /**
     * A picture for the README: written to {@code folder()} on every run, and over
     * {@code docs/screenshots/name.png} only when asked with {@code -Dbooksflow.docs.screenshots=true},
     * so that running the tests leaves the checkout as it was.
     */
    public static Path forDocs(Scene scene, String name) {
        Path file = write(scene, name);
        if (Boolean.getBoolean("booksflow.docs.screenshots")) {
            Path docs = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().getParent().resolve("docs")
                    .resolve("screenshots").resolve(name + ".png");
            try {
                Files.createDirectories(docs.getParent());
                Files.copy(file, docs, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw new UncheckedIOException("Could not write " + docs, e);
            }
        }
        return file;
    }

    /** Writes {@code folder()/name.png}. */
    public static Path write(Scene scene, String name) {
        return write(scene, folder().resolve(name + ".png"));
    }

    /** Takes the snapshot on the FX thread after pending layout and writes it as PNG to {@code file}. */
    public static Path write(Scene scene, Path file) {
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage image;
        try {
            image = WaitForAsyncUtils.asyncFx(() -> scene.snapshot(null)).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while taking a snapshot", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not take a snapshot of the scene", e);
        }
        BufferedImage picture = SwingFXUtils.fromFXImage(image, null);
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            if (!ImageIO.write(picture, "png", file.toFile())) {
                throw new IllegalStateException("No PNG writer in ImageIO");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + file, e);
        }
        return file;
    }
}
