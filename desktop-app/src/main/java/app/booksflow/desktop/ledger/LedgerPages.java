package app.booksflow.desktop.ledger;

import app.booksflow.desktop.store.LocalStore;
import app.booksflow.desktop.store.entity.ClientEntity;
import app.booksflow.model.DomainError;
import app.booksflow.model.DomainException;
import app.booksflow.model.id.TransactionId;
import app.booksflow.model.money.Money;
import app.booksflow.model.practice.Client;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Pages of a client's ledger, filtered and sorted in the database. A page is read with plain JDBC:
 * one row per transaction with its first split's account, the number of splits and whether a receipt
 * is linked, never the transaction's whole content. The indexes of V4 lead with the client and end on
 * the id, so that the first page in date, payee or amount order is read in index order without
 * sorting the client's whole ledger.
 */
public final class LedgerPages {

    /** More than any screen shows at once; a larger request is a bug, not a wish. */
    public static final int MAX_LIMIT = 5_000;

    private final LocalStore store;

    public LedgerPages(LocalStore store) {
        this.store = store;
    }

    /** The rows from offset (0 is the first) on, at most limit of them, with the number of matches in all. */
    public LedgerPage page(LedgerQuery query, int offset, int limit) {
        checkRange(offset, limit);
        return store.read(session -> {
            Client client = client(session, query);
            return session.doReturningWork(connection -> new LedgerPage(
                    rows(connection, client, query, offset, limit), offset, count(connection, query)));
        });
    }

    /** Only the rows, for the pages after the first (the count is known by then). */
    public List<LedgerRow> rows(LedgerQuery query, int offset, int limit) {
        checkRange(offset, limit);
        return store.read(session -> {
            Client client = client(session, query);
            return session.doReturningWork(connection -> rows(connection, client, query, offset, limit));
        });
    }

    public long count(LedgerQuery query) {
        return store.read(session -> {
            client(session, query);
            return session.doReturningWork(connection -> count(connection, query));
        });
    }

    /**
     * Where the transaction stands in the query's order: how many matching transactions come before
     * it, or -1 when it does not match the query (or does not exist).
     */
    public long positionOf(LedgerQuery query, TransactionId id) {
        // Simple and exact: the ids in order, read until the one wanted. Only ids are read, no joins.
        return store.read(session -> {
            client(session, query);
            return session.doReturningWork(connection -> {
                Filter filter = Filter.of(query);
                String sql = "select t.id from transactions t" + joinsFor(query.sort()) + " where " + filter.sql
                        + " order by " + orderBy(query);
                try (PreparedStatement statement = connection.prepareStatement(sql)) {
                    filter.bind(statement, 1);
                    statement.setFetchSize(1_000);
                    try (ResultSet rows = statement.executeQuery()) {
                        long position = 0;
                        while (rows.next()) {
                            if (id.value().equals(rows.getObject(1, UUID.class))) {
                                return position;
                            }
                            position++;
                        }
                    }
                }
                return -1L;
            });
        });
    }

    private static void checkRange(int offset, int limit) {
        if (offset < 0) {
            throw new DomainException(DomainError.OUT_OF_RANGE, "A page cannot start before the first row (" + offset + ").");
        }
        if (limit < 0 || limit > MAX_LIMIT) {
            throw new DomainException(DomainError.OUT_OF_RANGE,
                    "A page holds from 0 to " + MAX_LIMIT + " rows, not " + limit + ".");
        }
    }

    private static Client client(org.hibernate.Session session, LedgerQuery query) {
        ClientEntity entity = session.find(ClientEntity.class, query.client().value());
        if (entity == null) {
            throw new DomainException(DomainError.INVALID_STATE,
                    "The client " + query.client() + " does not exist on this device.");
        }
        return entity.toDomain();
    }

    private static List<LedgerRow> rows(Connection connection, Client client, LedgerQuery query, int offset, int limit)
            throws SQLException {
        if (limit == 0) {
            return List.of();
        }
        Filter filter = Filter.of(query);
        // The page is chosen on the transactions alone (with the first split's account only when sorting by it);
        // the other columns are looked up for the page's rows only.
        String sql = """
                select p.id, p.date, p.payee, p.memo, p.total_minor, p.currency, p.status, p.version,
                       (select a.name from splits s join accounts a on a.id = s.account_id
                         where s.transaction_id = p.id and s.line_no = 0),
                       (select count(*) from splits s where s.transaction_id = p.id),
                       exists (select 1 from receipts r where r.transaction_id = p.id)
                from (select t.id, t.date, t.payee, t.payee_key, t.memo, t.total_minor, t.currency, t.status, t.version%s
                      from transactions t use index (%s)%s
                      where %s
                      order by %s
                      limit ? offset ?) p
                order by %s
                """.formatted(query.sort() == LedgerSort.ACCOUNT ? ", ma.name main_account" : "", indexFor(query.sort()),
                joinsFor(query.sort()), filter.sql, orderBy(query), outerOrderBy(query));
        List<LedgerRow> result = new ArrayList<>(Math.min(limit, 1_000));
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            int next = filter.bind(statement, 1);
            statement.setInt(next, limit);
            statement.setInt(next + 1, offset);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    LocalDate date = rows.getObject(2, LocalDate.class);
                    String account = rows.getString(9);
                    result.add(new LedgerRow(new TransactionId(rows.getObject(1, UUID.class)), date, rows.getString(3),
                            rows.getString(4), account == null ? "" : account,
                            Money.ofMinor(rows.getLong(5), Currency.getInstance(rows.getString(6).strip())),
                            rows.getInt(10), rows.getBoolean(11), "POSTED".equals(rows.getString(7)), rows.getLong(8),
                            client.isClosed(date)));
                }
            }
        }
        return result;
    }

    private static long count(Connection connection, LedgerQuery query) throws SQLException {
        Filter filter = Filter.of(query);
        try (PreparedStatement statement = connection.prepareStatement(
                "select count(*) from transactions t where " + filter.sql)) {
            filter.bind(statement, 1);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    /**
     * The index the page is read through. H2's optimizer, left alone, prefers the foreign key's index on
     * the client alone inside the derived table and then sorts every row of the client; the index of the
     * order reads just the page. Account order sorts in any case; its date index serves the date range.
     */
    private static String indexFor(LedgerSort sort) {
        return switch (sort) {
            case DATE, ACCOUNT -> "transactions_by_client_date_id";
            case PAYEE -> "transactions_by_client_payee";
            case AMOUNT -> "transactions_by_client_total";
        };
    }

    private static String joinsFor(LedgerSort sort) {
        return sort == LedgerSort.ACCOUNT
                ? " left join splits ms on ms.transaction_id = t.id and ms.line_no = 0"
                        + " left join accounts ma on ma.id = ms.account_id"
                : "";
    }

    /**
     * The order of the inner query. It starts with the client (one value in every query) because H2
     * reads an index in order only when the ORDER BY names the index's columns from the first on.
     */
    private static String orderBy(LedgerQuery query) {
        String direction = query.descending() ? " desc" : "";
        return "t.client_id" + direction + ", " + order(query, "t.", "ma.name");
    }

    /** The same order over the page's rows, outside. */
    private static String outerOrderBy(LedgerQuery query) {
        return order(query, "p.", "p.main_account");
    }

    private static String order(LedgerQuery query, String alias, String accountName) {
        String direction = query.descending() ? " desc" : "";
        String column = switch (query.sort()) {
            case DATE -> alias + "date";
            case PAYEE -> alias + "payee_key";
            case AMOUNT -> alias + "total_minor";
            case ACCOUNT -> accountName;
        };
        String then = query.sort() == LedgerSort.DATE ? "" : ", " + alias + "date" + direction;
        return column + direction + then + ", " + alias + "id" + direction;
    }

    /** The where clause of a query and the values it binds, in order. */
    private record Filter(String sql, List<Object> values) {

        static Filter of(LedgerQuery query) {
            StringBuilder sql = new StringBuilder("t.client_id = ?");
            List<Object> values = new ArrayList<>();
            values.add(query.client().value());
            query.from().ifPresent(from -> {
                sql.append(" and t.date >= ?");
                values.add(from);
            });
            query.to().ifPresent(to -> {
                sql.append(" and t.date <= ?");
                values.add(to);
            });
            query.account().ifPresent(account -> {
                sql.append(" and (t.bank_account_id = ? or exists (select 1 from splits fs"
                        + " where fs.transaction_id = t.id and fs.account_id = ?))");
                values.add(account.value());
                values.add(account.value());
            });
            query.minAmountMinor().ifPresent(min -> {
                sql.append(" and abs(t.total_minor) >= ?");
                values.add(min);
            });
            query.maxAmountMinor().ifPresent(max -> {
                sql.append(" and abs(t.total_minor) <= ?");
                values.add(max);
            });
            if (!query.text().isEmpty()) {
                sql.append(" and (t.payee_key like ? escape '\\' or lower(t.memo) like ? escape '\\')");
                String pattern = "%" + escapeLike(query.text().toLowerCase(Locale.ROOT)) + "%";
                values.add(pattern);
                values.add(pattern);
            }
            return new Filter(sql.toString(), values);
        }

        /** Binds the values from the given parameter index on; returns the next free index. */
        int bind(PreparedStatement statement, int first) throws SQLException {
            int index = first;
            for (Object value : values) {
                statement.setObject(index++, value);
            }
            return index;
        }

        private static String escapeLike(String text) {
            return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        }
    }
}
