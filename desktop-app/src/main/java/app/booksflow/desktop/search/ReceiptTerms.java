package app.booksflow.desktop.search;

import app.booksflow.model.id.ClientId;
import app.booksflow.model.id.ReceiptId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The search terms of receipts: the words of the vendor, the file name and the text OCR read, each
 * once per receipt, so that the search across clients finds a receipt by anything printed on it.
 * Written on the caller's connection and so in its transaction, from the receipt's row as stored.
 */
public final class ReceiptTerms {

    /**
     * A receipt holds a few hundred words; a file whose text runs longer (a long statement scanned as a
     * receipt) is indexed by its first distinct words only.
     */
    static final int MAX_TERMS = 2_000;
    private static final int BATCH = 500;

    private ReceiptTerms() {
    }

    /** Indexes the receipt as it is stored now, replacing its former terms. */
    public static void replace(Connection connection, ReceiptId receipt) throws SQLException {
        delete(connection, receipt);
        try (PreparedStatement read = connection.prepareStatement(
                "select client_id, received_at, original_name, vendor, ocr_text from receipts where id = ?")) {
            read.setObject(1, receipt.value());
            try (ResultSet row = read.executeQuery()) {
                if (row.next()) {
                    try (PreparedStatement insert = insert(connection)) {
                        add(insert, receipt.value(), row.getObject(1, UUID.class), row.getObject(2, OffsetDateTime.class),
                                terms(row.getString(3), row.getString(4), row.getString(5)));
                    }
                }
            }
        }
    }

    public static void delete(Connection connection, ReceiptId receipt) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("delete from receipt_terms where receipt_id = ?")) {
            delete.setObject(1, receipt.value());
            delete.executeUpdate();
        }
    }

    /**
     * Indexes every receipt again from scratch: the reference the writes are tested against, and the
     * repair should they drift (the migrations V13 and V15 indexed older books on their own).
     */
    public static void rebuild(Connection connection) throws SQLException {
        try (PreparedStatement clear = connection.prepareStatement("delete from receipt_terms")) {
            clear.executeUpdate();
        }
        index(connection, "select id, client_id, received_at, original_name, vendor, ocr_text from receipts order by id",
                null);
    }

    /** Indexes the client's receipts that have no terms yet: those a bulk load wrote row by row. */
    public static void indexNew(Connection connection, ClientId client) throws SQLException {
        index(connection, """
                select r.id, r.client_id, r.received_at, r.original_name, r.vendor, r.ocr_text from receipts r
                where r.client_id = ? and not exists (select 1 from receipt_terms t where t.receipt_id = r.id)
                order by r.id
                """, client.value());
    }

    private static void index(Connection connection, String select, UUID client) throws SQLException {
        try (PreparedStatement read = connection.prepareStatement(select); PreparedStatement insert = insert(connection)) {
            if (client != null) {
                read.setObject(1, client);
            }
            read.setFetchSize(100);
            try (ResultSet rows = read.executeQuery()) {
                while (rows.next()) {
                    add(insert, rows.getObject(1, UUID.class), rows.getObject(2, UUID.class),
                            rows.getObject(3, OffsetDateTime.class), terms(rows.getString(4), rows.getString(5),
                                    rows.getString(6)));
                }
            }
        }
    }

    /** The distinct terms of the texts in order, at most {@link #MAX_TERMS}. */
    public static List<String> terms(String... texts) {
        Set<String> terms = new LinkedHashSet<>();
        for (String text : texts) {
            if (text == null) {
                continue;
            }
            for (String term : Terms.of(text)) {
                if (terms.size() == MAX_TERMS) {
                    return new ArrayList<>(terms);
                }
                terms.add(term);
            }
        }
        return new ArrayList<>(terms);
    }

    private static PreparedStatement insert(Connection connection) throws SQLException {
        return connection.prepareStatement(
                "insert into receipt_terms (receipt_id, term, client_id, received_at) values (?, ?, ?, ?)");
    }

    /** Writes one receipt's terms (a few batches at most). */
    private static void add(PreparedStatement insert, UUID receipt, UUID client, OffsetDateTime receivedAt,
            List<String> terms) throws SQLException {
        int pending = 0;
        for (String term : terms) {
            insert.setObject(1, receipt);
            insert.setString(2, term);
            insert.setObject(3, client);
            insert.setObject(4, receivedAt);
            insert.addBatch();
            if (++pending == BATCH) {
                insert.executeBatch();
                pending = 0;
            }
        }
        if (pending > 0) {
            insert.executeBatch();
        }
    }
}
