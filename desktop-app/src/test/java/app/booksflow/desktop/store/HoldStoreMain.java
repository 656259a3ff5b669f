package app.booksflow.desktop.store;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * Test helper run in a child JVM: keeps a data folder open until its standard input closes, either as
 * BooksFlow does ({@code store}) or as some other tool that opens the H2 file directly and knows
 * nothing of our lock file ({@code h2}). Prints {@code OPEN} once it holds it.
 */
public final class HoldStoreMain {

    private HoldStoreMain() {
    }

    public static void main(String[] args) throws IOException, SQLException {
        DataDirectory directory = new DataDirectory(Path.of(args[0]));
        if (args[1].equals("store")) {
            try (LocalStore store = LocalStore.open(directory)) {
                holdUntilStdinCloses();
            }
        } else {
            try (Connection connection = DriverManager.getConnection(LocalStore.jdbcUrl(directory), "booksflow", "")) {
                holdUntilStdinCloses();
            }
        }
    }

    private static void holdUntilStdinCloses() throws IOException {
        System.out.println("OPEN");
        System.out.flush();
        while (System.in.read() >= 0) {
            // Wait for the parent.
        }
    }
}
