package app.booksflow.desktop.store;

import app.booksflow.model.id.TaxCodeId;
import app.booksflow.model.id.TransactionId;
import app.booksflow.model.ledger.Account;
import app.booksflow.model.ledger.Split;
import app.booksflow.model.ledger.TaxCode;
import app.booksflow.model.ledger.Transaction;
import app.booksflow.model.money.Money;
import app.booksflow.model.practice.Client;
import app.booksflow.model.practice.Organization;
import app.booksflow.model.receipt.Extracted;
import app.booksflow.model.receipt.ExtractedFields;
import app.booksflow.model.receipt.Receipt;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * Inserts many ledger rows through batched JDBC statements on the caller's connection (and so in the
 * caller's transaction): the bulk path for loading a whole practice, where one ORM entity per row
 * would cost several times as much. Rows are checked by the domain records they come from; the
 * database checks the references.
 */
public final class LedgerBatch implements AutoCloseable {

    private static final int BATCH = 1_000;

    private final PreparedStatement transactions;
    private final PreparedStatement splits;
    private final PreparedStatement receipts;
    private int pending;

    public LedgerBatch(Connection connection) throws SQLException {
        transactions = connection.prepareStatement("""
                insert into transactions (id, client_id, date, payee, memo, bank_account_id, total_minor, currency,
                                          status, main_account_name, payee_key, version)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)
                """);
        splits = connection.prepareStatement("""
                insert into splits (transaction_id, line_no, account_id, amount_minor, currency, tax_code_id, memo)
                values (?, ?, ?, ?, ?, ?, ?)
                """);
        receipts = connection.prepareStatement("""
                insert into receipts (id, client_id, sha256, original_name, media_type, size_bytes, status, failure_reason,
                    vendor, vendor_confidence, receipt_date, date_confidence, amount_currency, total_minor, total_confidence,
                    tax_minor, tax_confidence, currency, currency_confidence, transaction_id, received_at, processed_at,
                    fields_reviewed, fields_accepted)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """);
    }

    /** The practice, its clients, charts and tax codes: few rows, inserted at once. */
    public static void insertSetUp(Connection connection, Organization practice, List<Client> clients,
            List<Account> accounts, List<TaxCode> taxCodes) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("insert into practices (id, name) values (?, ?)")) {
            statement.setObject(1, practice.id().value());
            statement.setString(2, practice.name());
            statement.executeUpdate();
        }
        try (PreparedStatement statement = connection.prepareStatement("""
                insert into clients (id, practice_id, name, base_currency, fiscal_year_start, closing_date)
                values (?, ?, ?, ?, ?, ?)
                """)) {
            for (Client client : clients) {
                statement.setObject(1, client.id().value());
                statement.setObject(2, client.organization().value());
                statement.setString(3, client.name());
                statement.setString(4, client.baseCurrency().getCurrencyCode());
                statement.setString(5, String.format("%02d-%02d", client.fiscalYearStart().getMonthValue(),
                        client.fiscalYearStart().getDayOfMonth()));
                statement.setObject(6, client.closingDate().orElse(null), Types.DATE);
                statement.addBatch();
            }
            statement.executeBatch();
        }
        try (PreparedStatement statement = connection.prepareStatement(
                "insert into accounts (id, client_id, code, name, type) values (?, ?, ?, ?, ?)")) {
            for (Account account : accounts) {
                statement.setObject(1, account.id().value());
                statement.setObject(2, account.client().value());
                statement.setString(3, account.code());
                statement.setString(4, account.name());
                statement.setString(5, account.type().name());
                statement.addBatch();
            }
            statement.executeBatch();
        }
        try (PreparedStatement statement = connection.prepareStatement("""
                insert into tax_codes (id, client_id, code, name, rate_percent, tax_account_id) values (?, ?, ?, ?, ?, ?)
                """)) {
            for (TaxCode code : taxCodes) {
                statement.setObject(1, code.id().value());
                statement.setObject(2, code.client().value());
                statement.setString(3, code.code());
                statement.setString(4, code.name());
                statement.setBigDecimal(5, code.rate().percent());
                statement.setObject(6, code.taxAccount().value());
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    /** @param mainAccountName the name of the first split's account, kept on the row for the ledger's order */
    public void add(Transaction transaction, String mainAccountName) throws SQLException {
        transactions.setObject(1, transaction.id().value());
        transactions.setObject(2, transaction.client().value());
        transactions.setObject(3, transaction.date());
        transactions.setString(4, transaction.payee());
        transactions.setString(5, transaction.memo());
        transactions.setObject(6, transaction.bankAccount().value());
        transactions.setLong(7, transaction.total().minorUnits());
        transactions.setString(8, transaction.total().currency().getCurrencyCode());
        transactions.setString(9, transaction.status().name());
        transactions.setString(10, mainAccountName);
        transactions.setString(11, TextKeys.lower(transaction.payee()));
        transactions.addBatch();
        for (int line = 0; line < transaction.splits().size(); line++) {
            Split split = transaction.splits().get(line);
            splits.setObject(1, transaction.id().value());
            splits.setInt(2, line);
            splits.setObject(3, split.account().value());
            splits.setLong(4, split.amount().minorUnits());
            splits.setString(5, split.amount().currency().getCurrencyCode());
            splits.setObject(6, split.taxCode().map(TaxCodeId::value).orElse(null), Types.OTHER);
            splits.setString(7, split.memo());
            splits.addBatch();
        }
        countAndMaybeFlush();
    }

    /**
     * @param processedAt when reading finished, if it has
     * @param review      {fields reviewed, fields accepted} once reviewed
     */
    public void add(Receipt receipt, Optional<Instant> processedAt, Optional<int[]> review) throws SQLException {
        ExtractedFields fields = receipt.fields();
        Optional<Money> anyAmount = fields.total().or(fields::tax).map(Extracted::value);
        int i = 0;
        receipts.setObject(++i, receipt.id().value());
        receipts.setObject(++i, receipt.client().value());
        receipts.setString(++i, receipt.file().sha256().hex());
        receipts.setString(++i, receipt.file().originalName());
        receipts.setString(++i, receipt.file().mediaType().name());
        receipts.setLong(++i, receipt.file().size());
        receipts.setString(++i, receipt.status().name());
        receipts.setString(++i, receipt.failureReason().orElse(null));
        receipts.setString(++i, fields.vendor().map(Extracted::value).orElse(null));
        receipts.setObject(++i, confidence(fields.vendor()), Types.INTEGER);
        receipts.setObject(++i, fields.date().map(Extracted::value).orElse(null), Types.DATE);
        receipts.setObject(++i, confidence(fields.date()), Types.INTEGER);
        receipts.setString(++i, anyAmount.map(m -> m.currency().getCurrencyCode()).orElse(null));
        receipts.setObject(++i, fields.total().map(e -> e.value().minorUnits()).orElse(null), Types.BIGINT);
        receipts.setObject(++i, confidence(fields.total()), Types.INTEGER);
        receipts.setObject(++i, fields.tax().map(e -> e.value().minorUnits()).orElse(null), Types.BIGINT);
        receipts.setObject(++i, confidence(fields.tax()), Types.INTEGER);
        receipts.setString(++i, fields.currency().map(e -> e.value().getCurrencyCode()).orElse(null));
        receipts.setObject(++i, confidence(fields.currency()), Types.INTEGER);
        receipts.setObject(++i, receipt.transaction().map(TransactionId::value).orElse(null), Types.OTHER);
        receipts.setObject(++i, OffsetDateTime.ofInstant(receipt.receivedAt(), ZoneOffset.UTC));
        receipts.setObject(++i, processedAt.map(at -> OffsetDateTime.ofInstant(at, ZoneOffset.UTC)).orElse(null),
                Types.TIMESTAMP_WITH_TIMEZONE);
        receipts.setObject(++i, review.map(r -> r[0]).orElse(null), Types.INTEGER);
        receipts.setObject(++i, review.map(r -> r[1]).orElse(null), Types.INTEGER);
        receipts.addBatch();
        countAndMaybeFlush();
    }

    private static Integer confidence(Optional<? extends Extracted<?>> field) {
        return field.map(e -> e.confidence().percent()).orElse(null);
    }

    private void countAndMaybeFlush() throws SQLException {
        if (++pending >= BATCH) {
            flush();
        }
    }

    /** Transactions before receipts: a receipt may point at a transaction of the same batch. */
    public void flush() throws SQLException {
        transactions.executeBatch();
        splits.executeBatch();
        receipts.executeBatch();
        pending = 0;
    }

    @Override
    public void close() throws SQLException {
        try {
            flush();
        } finally {
            transactions.close();
            splits.close();
            receipts.close();
        }
    }
}
