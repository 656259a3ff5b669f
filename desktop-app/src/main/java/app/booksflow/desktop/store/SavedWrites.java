package app.booksflow.desktop.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.OptionalLong;
import javax.sql.DataSource;

/**
 * The count of writes the books have saved, kept in the books themselves (table {@code saved_writes}, one
 * row): each write adds one in its own transaction, so the count is exactly as old as the books are. The
 * folder's lock file holds the same count as the app last reported it saved (ADR 0042).
 */
final class SavedWrites {

    private SavedWrites() {
    }

    /** The count in the books; empty when it cannot be read (books that do not read whole are checked elsewhere). */
    static OptionalLong read(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("select saved from saved_writes where id = 1");
                ResultSet row = select.executeQuery()) {
            return row.next() ? OptionalLong.of(row.getLong(1)) : OptionalLong.empty();
        } catch (SQLException e) {
            return OptionalLong.empty();
        }
    }

    /** Adds one, in the write transaction of the connection. */
    static void countOne(Connection connection) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("update saved_writes set saved = saved + 1 where id = 1")) {
            update.executeUpdate();
        }
    }
}
