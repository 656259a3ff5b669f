package app.booksflow.desktop.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * V20: books whose payee keys the database computed in the language of the JVM that wrote them get the
 * app's keys ({@link TextKeys}), on the rows and on their search terms, and the column becomes one the app fills.
 */
class PayeeKeysMigrationTest {

    @TempDir
    Path dir;

    @Test
    void booksWrittenInTurkishBeforeTheAppKeptTheKeysGetTheAppsKeys() throws SQLException {
        Locale before = Locale.getDefault();
        Locale.setDefault(Locale.forLanguageTag("tr-TR"));
        try {
            writeOldBooksAndOpen();
        } finally {
            Locale.setDefault(before);
        }
    }

    private void writeOldBooksAndOpen() throws SQLException {
        DataDirectory directory = new DataDirectory(dir);
        String url = LocalStore.jdbcUrl(directory);
        Flyway.configure().dataSource(url, "booksflow", "").locations(LocalStore.MIGRATIONS).target("19").load().migrate();
        UUID practice = UUID.randomUUID();
        UUID clientId = UUID.randomUUID();
        UUID bank = UUID.randomUUID();
        UUID ikea = UUID.randomUUID();
        UUID zeta = UUID.randomUUID();
        try (Connection connection = DriverManager.getConnection(url, "booksflow", "");
                Statement sql = connection.createStatement()) {
            sql.execute("insert into practices (id, name) values ('" + practice + "', 'Harper & Lowe')");
            sql.execute("insert into clients (id, practice_id, name, base_currency, fiscal_year_start) values ('"
                    + clientId + "', '" + practice + "', 'Hill Street Bakery', 'GBP', '04-01')");
            sql.execute("insert into accounts (id, client_id, code, name, type) values ('" + bank + "', '" + clientId
                    + "', '1000', 'Bank', 'ASSET')");
            for (UUID id : List.of(ikea, zeta)) {
                String payee = id.equals(ikea) ? "IKEA Istanbul" : "Zeta Print";
                sql.execute("insert into transactions (id, client_id, date, payee, memo, bank_account_id, total_minor,"
                        + " currency, status, main_account_name, version) values ('" + id + "', '" + clientId
                        + "', date '2025-03-03', '" + payee + "', '', '" + bank + "', -999, 'GBP', 'POSTED', 'Bank', 0)");
                // As the terms were written then: the payee lowered by the database, in the JVM's language.
                sql.execute("insert into search_terms (term, transaction_id, field, client_id, on_day, payee_key) values"
                        + " ('" + (id.equals(ikea) ? "ikea" : "zeta") + "', '" + id + "', 0, '" + clientId
                        + "', date '2025-03-03', lower('" + payee + "'))");
            }
            assertThat(strings(sql, "select payee_key from transactions order by payee_key"))
                    .as("the keys as the database computed them in Turkish").containsExactly("zeta print", "ıkea ıstanbul");
        }

        LocalStore.open(directory).close();

        try (Connection connection = DriverManager.getConnection(url, "booksflow", "");
                Statement sql = connection.createStatement()) {
            assertThat(strings(sql, "select payee_key from transactions order by payee_key"))
                    .containsExactly("ikea istanbul", "zeta print");
            assertThat(strings(sql, "select payee_key from search_terms order by payee_key"))
                    .containsExactly("ikea istanbul", "zeta print");
            assertThat(strings(sql, "select is_generated || ' ' || is_nullable from information_schema.columns"
                    + " where table_name = 'TRANSACTIONS' and column_name = 'PAYEE_KEY'"))
                    .as("a column the app fills, never empty").containsExactly("NEVER NO");
        }
    }

    private static List<String> strings(Statement sql, String query) throws SQLException {
        List<String> values = new ArrayList<>();
        try (ResultSet rows = sql.executeQuery(query)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

}
