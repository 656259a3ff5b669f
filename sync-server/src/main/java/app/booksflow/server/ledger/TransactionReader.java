package app.booksflow.server.ledger;

import app.booksflow.model.EntityType;
import app.booksflow.model.id.ClientId;
import app.booksflow.model.id.TransactionId;
import app.booksflow.model.ledger.Transaction;
import app.booksflow.server.ApiException;
import app.booksflow.server.PageCursor;
import app.booksflow.server.accounts.Caller;
import app.booksflow.server.db.Db;
import app.booksflow.server.sync.ClientAccess;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Reads transactions as the server holds them: the synchronized JSON and its version. */
public final class TransactionReader {

    public static final int DEFAULT_LIMIT = 500;
    public static final int MAX_LIMIT = 1000;

    /**
     * A client's transactions in a date range, in (date, id) order from a keyset position. The date
     * bounds come first so that transactions_by_client_and_date narrows the scan.
     */
    static final String BY_CLIENT_AND_DATE = """
            select e.payload, e.version
            from transactions t join entities e on e.id = t.id and e.organization_id = t.organization_id
            where t.client_id = ? and t.date >= ? and t.date <= ? and (t.date, t.id) > (?, ?)
            order by t.date, t.id
            limit ?""";

    /** PostgreSQL orders uuids by their bytes, unsigned: the nil uuid comes first. */
    private static final UUID BEFORE_ALL = new UUID(0, 0);

    private final Db db;
    private final ObjectMapper json;

    public TransactionReader(Db db, ObjectMapper json) {
        this.db = db;
        this.json = json;
    }

    public StoredTransaction get(Caller caller, TransactionId id) {
        return db.read("get transaction", c -> find(c, caller, id)
                .orElseThrow(() -> ApiException.notFound("Transaction " + id)));
    }

    /** The state after a create; a replayed idempotency key that named another transaction is refused. */
    StoredTransaction afterCreate(Caller caller, Transaction posted) {
        return db.read("read created transaction", c -> find(c, caller, posted.id()))
                .filter(stored -> stored.transaction().client().equals(posted.client()))
                .orElseThrow(() -> new ApiException(422, "IDEMPOTENCY_KEY_REUSED", "This Idempotency-Key was used "
                        + "for another transaction (or that one has been deleted since); send a new key."));
    }

    public TransactionPage list(Caller caller, ClientId client, LocalDate from, LocalDate to, Optional<String> after,
            int limit) {
        if (from.isAfter(to)) {
            throw ApiException.badRequest("INVALID_PARAMETER", "'from' (" + from + ") is after 'to' (" + to + ").");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ApiException.badRequest("INVALID_LIMIT", "The limit must be between 1 and " + MAX_LIMIT + ".");
        }
        LocalDate afterDate = from;
        UUID afterId = BEFORE_ALL;
        if (after.isPresent()) {
            List<String> parts = PageCursor.decode(after.get(), 2);
            try {
                afterDate = LocalDate.parse(parts.get(0));
                afterId = UUID.fromString(parts.get(1));
            } catch (DateTimeParseException | IllegalArgumentException e) {
                throw PageCursor.invalid();
            }
        }
        LocalDate lower = afterDate.isAfter(from) ? afterDate : from;
        LocalDate cursorDate = afterDate;
        UUID cursorId = afterId;
        return db.read("list transactions", c -> {
            ClientAccess.require(c, caller, client);
            List<StoredTransaction> page = new ArrayList<>();
            String next = null;
            try (PreparedStatement select = c.prepareStatement(BY_CLIENT_AND_DATE)) {
                select.setObject(1, client.value());
                select.setDate(2, Date.valueOf(lower));
                select.setDate(3, Date.valueOf(to));
                select.setDate(4, Date.valueOf(cursorDate));
                select.setObject(5, cursorId);
                select.setInt(6, limit + 1);
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        if (page.size() == limit) {
                            StoredTransaction last = page.get(page.size() - 1);
                            next = PageCursor.encode(last.transaction().date(), last.transaction().id());
                            break;
                        }
                        page.add(new StoredTransaction(read(row.getString(1)), row.getLong(2)));
                    }
                }
            }
            return new TransactionPage(page, next);
        });
    }

    private Optional<StoredTransaction> find(Connection c, Caller caller, TransactionId id) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(
                "select client_id, entity_type, deleted, payload, version from entities "
                        + "where id = ? and organization_id = ?")) {
            select.setObject(1, id.value());
            select.setObject(2, caller.organization().value());
            try (ResultSet row = select.executeQuery()) {
                if (!row.next() || row.getBoolean(3) || !EntityType.TRANSACTION.name().equals(row.getString(2))) {
                    return Optional.empty();
                }
                ClientAccess.require(c, caller, new ClientId(row.getObject(1, UUID.class)));
                return Optional.of(new StoredTransaction(read(row.getString(4)), row.getLong(5)));
            }
        }
    }

    private Transaction read(String payload) {
        try {
            return json.readValue(payload, Transaction.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored transaction is unreadable", e);
        }
    }
}
