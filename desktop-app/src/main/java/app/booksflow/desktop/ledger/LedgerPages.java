package app.booksflow.desktop.ledger;

import app.booksflow.desktop.search.WordFilter;
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
import java.util.Optional;
import java.util.UUID;

/**
 * Pages of a client's ledger, filtered and sorted in the database. A page is read with plain JDBC:
 * one row per transaction with its first split's account, the number of splits and whether a receipt
 * is linked, never the transaction's whole content. The indexes of V4 and V7 lead with the client and
 * end on the id, so that the first page in date, payee, amount or account order (the first split's
 * account name, kept on the row) is read in index order without sorting the client's whole ledger.
 * Text made of words is matched through the search index's terms (ADR 0016); text as typed is first looked
 * for in the client's distinct payees and memos (ADR 0026).
 */
public final class LedgerPages {

    /** More than any screen shows at once; a larger request is a bug, not a wish. */
    public static final int MAX_LIMIT = 5_000;
    /**
     * A word starting at most this many payee and memo terms of the client is looked up by term (in
     * any other case than {@link #DAY_TERMS}'s); a commoner one is checked on each row read in the
     * order's index, where matches come soon.
     */
    static final int FEW_TERMS = 2_000;
    /**
     * One word in date order, with no filter but dates, starting at most this many terms: its page is
     * chosen from the term index alone, which holds each term's date (whatever the number, cheaper than
     * reading the candidates' rows); a commoner one is checked on each row read.
     */
    static final int DAY_TERMS = 6_000;
    /**
     * With another order than date, a filter on the account or amount, or text with punctuation: when the
     * (rarest) word starts at most this many payee or memo terms of the client in the date range, in each
     * field, its transactions there are gathered from the index by client, read by id (joined as a table),
     * sorted, and the page and the count taken from that list. Matches of a middling word may all lie at
     * the far end of the order (every "Amazon" row last in payee order descending), so reading the order's
     * index until 200 match can cost the whole client; gathering costs the word's own rows only. A commoner
     * word is checked on each row read in the order's index, where its matches come soon.
     */
    static final int MIDDLE_TERMS = 10_000;
    /**
     * Text as typed (punctuation, or no letter or digit) is looked for in the client's distinct payees and
     * memos when it has at most this many of each ({@link TypedText}): one index look-up per value, so a
     * text no payee or memo holds is known to match nothing without reading a row. More, and each row is
     * checked as before.
     */
    static final int DISTINCT_TEXTS = 2_000;
    /**
     * The first page of a word in payee order is read payee by payee ({@link PayeeGroups}) when the word starts
     * at least this many payee terms of the client in the date range (counted that far): the rows of the payees
     * holding it are then read in order, as far as the page goes, instead of each by id (about 5 us each). Fewer,
     * and reading them by id is cheaper than finding the client's distinct payees.
     */
    static final int GROUPED_PAYEE_TERMS = 1_000;
    /**
     * ... and when the client has at most this many distinct payees: finding them costs about 10 us each, and a
     * client with more gives up after this many (5 ms) and reads the page the usual way.
     */
    static final int GROUPED_PAYEES = 500;

    private final LocalStore store;
    private final int fewTerms;
    private final int dayTerms;
    private final int middleTerms;
    private final int distinctTexts;
    private final int groupedPayeeTerms;
    private volatile String primaryKey;

    public LedgerPages(LocalStore store) {
        this(store, FEW_TERMS, DAY_TERMS, MIDDLE_TERMS, DISTINCT_TEXTS, GROUPED_PAYEE_TERMS);
    }

    /** With other thresholds between the ways of reading a word (tests of each). */
    LedgerPages(LocalStore store, int fewTerms, int dayTerms, int middleTerms) {
        this(store, fewTerms, dayTerms, middleTerms, DISTINCT_TEXTS);
    }

    /** With other thresholds between the ways of reading a word and text as typed (tests of each). */
    LedgerPages(LocalStore store, int fewTerms, int dayTerms, int middleTerms, int distinctTexts) {
        this(store, fewTerms, dayTerms, middleTerms, distinctTexts, GROUPED_PAYEE_TERMS);
    }

    /** With other thresholds, and another least number of a word's payee terms for reading its first page by payee. */
    LedgerPages(LocalStore store, int fewTerms, int dayTerms, int middleTerms, int distinctTexts,
            int groupedPayeeTerms) {
        this.store = store;
        this.fewTerms = fewTerms;
        this.dayTerms = dayTerms;
        this.middleTerms = middleTerms;
        this.distinctTexts = distinctTexts;
        this.groupedPayeeTerms = groupedPayeeTerms;
    }

    /** The rows from offset (0 is the first) on, at most limit of them, with the number of matches in all. */
    public LedgerPage page(LedgerQuery query, int offset, int limit) {
        checkRange(offset, limit);
        return store.read(session -> {
            Client client = client(session, query);
            return session.doReturningWork(connection -> {
                Filter filter = filter(connection, query);
                if (filter.none()) {
                    return new LedgerPage(List.of(), offset, 0);
                }
                if (filter.candidates() != null) {
                    // The matches are listed in order once: the page is a part of the list, the count its length.
                    List<UUID> matches = matches(connection, query, filter);
                    return new LedgerPage(byIds(connection, client, query, filter,
                            matches.subList(Math.min(offset, matches.size()), Math.min(offset + limit, matches.size()))),
                            offset, matches.size());
                }
                return new LedgerPage(rows(connection, client, query, filter, offset, limit), offset,
                        count(connection, filter));
            });
        });
    }

    /** Only the rows, for the pages after the first (the count is known by then). */
    public List<LedgerRow> rows(LedgerQuery query, int offset, int limit) {
        checkRange(offset, limit);
        return store.read(session -> {
            Client client = client(session, query);
            return session.doReturningWork(connection -> {
                if (offset == 0 && limit > 0) {
                    Filter first = filter(connection, query, true);
                    if (first.groups() == null) {
                        return rows(connection, client, query, first, offset, limit);
                    }
                    Optional<List<LedgerRow>> byPayee = byPayee(connection, client, query, first, limit);
                    if (byPayee.isPresent()) {
                        return byPayee.get();
                    }
                }
                return rows(connection, client, query, filter(connection, query), offset, limit);
            });
        });
    }

    public long count(LedgerQuery query) {
        return store.read(session -> {
            client(session, query);
            return session.doReturningWork(connection -> count(connection, filter(connection, query)));
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
                Filter filter = filter(connection, query);
                if (filter.none()) {
                    return -1L;
                }
                String sql = "select t.id from " + filter.from(null) + " where " + filter.sql(false)
                        + " order by " + orderBy(query);
                try (PreparedStatement statement = connection.prepareStatement(sql)) {
                    filter.bind(statement, 1, false);
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

    private static List<LedgerRow> rows(Connection connection, Client client, LedgerQuery query, Filter filter,
            int offset, int limit) throws SQLException {
        if (limit == 0 || filter.none()) {
            return List.of();
        }
        if (filter.byDay()) {
            List<UUID> ids = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement(WordFilter.idsByDaySql(
                    query.from().isPresent(), query.to().isPresent(), query.descending()))) {
                int next = filter.bindByDay(statement);
                statement.setInt(next, limit);
                statement.setInt(next + 1, offset);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        ids.add(rows.getObject(1, UUID.class));
                    }
                }
            }
            return byIds(connection, client, query, filter, ids);
        }
        if (filter.candidates() != null) {
            List<UUID> matches = matches(connection, query, filter);
            return byIds(connection, client, query, filter,
                    matches.subList(Math.min(offset, matches.size()), Math.min(offset + limit, matches.size())));
        }
        return rows(connection, client, query, filter.from(indexFor(query.sort())), filter.sql(false),
                statement -> filter.bind(statement, 1, false), limit, offset);
    }

    /**
     * The first page of a word's matches in payee order, payee by payee ({@link PayeeGroups}). The rows of a payee
     * with a word starting with the word are read in the payee index's order, each checked for the words (as row by
     * row), as far as the page goes; so are those of a payee whose memo matches are more than twice what the page
     * still needs. The memo matches of another payee are read by id with the other filters and sorted. Nothing
     * when a memo match's row has another payee than its terms say: the page is then read the usual way.
     */
    private static Optional<List<LedgerRow>> byPayee(Connection connection, Client client, LedgerQuery query,
            Filter filter, int limit) throws SQLException {
        PayeeGroups groups = filter.groups();
        Filter rowByRow = filter.rowByRow();
        List<UUID> ids = new ArrayList<>(limit);
        try (PayeeGroups.Lookup lookup = groups.lookup(connection);
                PreparedStatement payeeRows = connection.prepareStatement("select t.id from "
                        + rowByRow.from(indexFor(LedgerSort.PAYEE)) + " where " + rowByRow.sql(false)
                        + " and t.payee_key = ? order by " + orderBy(query) + " limit ?")) {
            for (String payee : groups.payees(query.descending())) {
                int wanted = limit - ids.size();
                if (wanted <= 0) {
                    break;
                }
                List<UUID> memoMatches = List.of();
                boolean rowsChecked = lookup.holds(payee);
                if (!rowsChecked) {
                    memoMatches = lookup.memoMatches(payee);
                    rowsChecked = memoMatches.size() > 2L * wanted;
                }
                if (rowsChecked) {
                    int index = rowByRow.bind(payeeRows, 1, false);
                    payeeRows.setString(index, payee);
                    payeeRows.setInt(index + 1, wanted);
                    try (ResultSet rows = payeeRows.executeQuery()) {
                        while (rows.next()) {
                            ids.add(rows.getObject(1, UUID.class));
                        }
                    }
                } else if (!memoMatches.isEmpty()) {
                    Optional<List<UUID>> matches = memoMatches(connection, query,
                            filter.withCandidates(inIdOrder(memoMatches)), payee);
                    if (matches.isEmpty()) {
                        return Optional.empty();
                    }
                    ids.addAll(matches.get().subList(0, Math.min(wanted, matches.get().size())));
                }
            }
        }
        return Optional.of(byIds(connection, client, query, filter, ids));
    }

    /**
     * One payee's memo matches (the filter's candidates) in the query's order, with the other filters and words
     * checked on each; nothing when one's row has another payee (its terms are out of step with it).
     */
    private static Optional<List<UUID>> memoMatches(Connection connection, LedgerQuery query, Filter filter,
            String payee) throws SQLException {
        List<UUID> ids = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("select t.id, t.payee_key from "
                + filter.from(null) + " where " + filter.sql(false) + " order by " + orderBy(query))) {
            filter.bind(statement, 1, false);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    if (!payee.equals(rows.getString(2))) {
                        return Optional.empty();
                    }
                    ids.add(rows.getObject(1, UUID.class));
                }
            }
        }
        return Optional.of(ids);
    }

    /**
     * The rows of the ids given (a page's), in the query's order. The ids are a table joined by id: a list of
     * parameters ({@code t.id in (?, ?, ...)}) cost the database about 20 us an id, five times as much.
     */
    private static List<LedgerRow> byIds(Connection connection, Client client, LedgerQuery query, Filter filter,
            List<UUID> ids) throws SQLException {
        if (ids.isEmpty()) {
            return List.of();
        }
        return rows(connection, client, query,
                "table(x uuid = ?) c join transactions t use index (" + filter.primaryKey() + ") on t.id = c.x", "true",
                statement -> {
                    statement.setObject(1, ids.toArray(new UUID[0]));
                    return 2;
                }, ids.size(), 0);
    }

    /** Every match's id in the query's order: for gathered candidates, at most {@link #MIDDLE_TERMS} of them. */
    private static List<UUID> matches(Connection connection, LedgerQuery query, Filter filter) throws SQLException {
        List<UUID> ids = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("select t.id from " + filter.from(null)
                + " where " + filter.sql(false) + " order by " + orderBy(query))) {
            filter.bind(statement, 1, false);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getObject(1, UUID.class));
                }
            }
        }
        return ids;
    }

    /** Binds a statement's values from the first parameter on; returns the next free index. */
    private interface Binder {
        int bind(PreparedStatement statement) throws SQLException;
    }

    private static List<LedgerRow> rows(Connection connection, Client client, LedgerQuery query, String from,
            String where, Binder binder, int limit, int offset) throws SQLException {
        // The page is chosen on the transactions alone, through the index of its order; the other columns are
        // looked up for the page's rows only.
        String sql = """
                select p.id, p.date, p.payee, p.memo, p.total_minor, p.currency, p.status, p.version, p.main_account_name,
                       (select count(*) from splits s where s.transaction_id = p.id),
                       exists (select 1 from receipts r where r.transaction_id = p.id)
                from (select t.id, t.date, t.payee, t.payee_key, t.memo, t.total_minor, t.currency, t.status, t.version,
                             t.main_account_name
                      from %s
                      where %s
                      order by %s
                      limit ? offset ?) p
                order by %s
                """.formatted(from, where, orderBy(query), outerOrderBy(query));
        List<LedgerRow> result = new ArrayList<>(Math.min(limit, 1_000));
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            int next = binder.bind(statement);
            statement.setInt(next, limit);
            statement.setInt(next + 1, offset);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    LocalDate date = rows.getObject(2, LocalDate.class);
                    result.add(new LedgerRow(new TransactionId(rows.getObject(1, UUID.class)), date, rows.getString(3),
                            rows.getString(4), rows.getString(9),
                            Money.ofMinor(rows.getLong(5), Currency.getInstance(rows.getString(6).strip())),
                            rows.getInt(10), rows.getBoolean(11), "POSTED".equals(rows.getString(7)), rows.getLong(8),
                            client.isClosed(date)));
                }
            }
        }
        return result;
    }

    private static long count(Connection connection, Filter filter) throws SQLException {
        if (filter.none()) {
            return 0;
        }
        if (filter.byDay()) {
            try (PreparedStatement statement = connection.prepareStatement(WordFilter.countByDaySql(
                    filter.query().from().isPresent(), filter.query().to().isPresent()))) {
                filter.bindByDay(statement);
                try (ResultSet rows = statement.executeQuery()) {
                    rows.next();
                    return rows.getLong(1);
                }
            }
        }
        // Left alone, H2 may count through another index that leads with the client and read all its rows
        // for a date range; the date index serves the range. Words read by term start from their candidates.
        try (PreparedStatement statement = connection.prepareStatement("select count(*) from "
                + filter.from("transactions_by_client_date_id") + " where " + filter.sql(true))) {
            filter.bind(statement, 1, true);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    /**
     * The index the page is read through. H2's optimizer, left alone, prefers the foreign key's index on
     * the client alone inside the derived table and then sorts every row of the client; the index of the
     * order reads just the page.
     */
    private static String indexFor(LedgerSort sort) {
        return switch (sort) {
            case DATE -> "transactions_by_client_date_id";
            case PAYEE -> "transactions_by_client_payee";
            case AMOUNT -> "transactions_by_client_total";
            case ACCOUNT -> "transactions_by_client_account";
        };
    }

    /**
     * The order of the inner query. It starts with the client (one value in every query) because H2
     * reads an index in order only when the ORDER BY names the index's columns from the first on.
     */
    private static String orderBy(LedgerQuery query) {
        String direction = query.descending() ? " desc" : "";
        return "t.client_id" + direction + ", " + order(query, "t.");
    }

    /** The same order over the page's rows, outside. */
    private static String outerOrderBy(LedgerQuery query) {
        return order(query, "p.");
    }

    private static String order(LedgerQuery query, String alias) {
        String direction = query.descending() ? " desc" : "";
        String column = switch (query.sort()) {
            case DATE -> alias + "date";
            case PAYEE -> alias + "payee_key";
            case AMOUNT -> alias + "total_minor";
            case ACCOUNT -> alias + "main_account_name";
        };
        String then = query.sort() == LedgerSort.DATE ? "" : ", " + alias + "date" + direction;
        return column + direction + then + ", " + alias + "id" + direction;
    }

    private Filter filter(Connection connection, LedgerQuery query) throws SQLException {
        return filter(connection, query, false);
    }

    /**
     * How the query's rows are read. For a first page alone ({@code firstPage}), a word's matches in payee order
     * may be read payee by payee ({@link PayeeGroups}); the count and later pages need every match in order.
     */
    private Filter filter(Connection connection, LedgerQuery query, boolean firstPage) throws SQLException {
        Optional<WordFilter> words = WordFilter.of(query.text());
        Optional<String> literal = words.isPresent() ? words.get().literal()
                : query.text().isEmpty() ? Optional.empty() : Optional.of(query.text());
        if (literal.isPresent()) {
            UUID client = query.client().value();
            // A word that starts no payee or memo word of the client ("ltd" in "ltd."): nothing matches. One index
            // entry per word and field tells, cheaper than the distinct values.
            if (words.isPresent() && words.get().rarest(connection, client, 1).terms() == 0) {
                return new Filter(query, words, null, false, null, null, true, true, null);
            }
            // Text as typed: the client's distinct payees and memos that hold it, when they are not too many.
            Optional<TypedText> typed = TypedText.find(connection, client, literal.get(), distinctTexts);
            if (typed.isPresent() && typed.get().none()) {
                return new Filter(query, words, null, false, null, null, true, true, null);
            }
            if (typed.isPresent()) {
                Optional<List<UUID>> gathered = typed.get().transactions(connection, client, Math.max(middleTerms, 0));
                if (gathered.isPresent()) {
                    // Their rows are the candidates; every word is checked on each.
                    return new Filter(query, words, null, false, inIdOrder(gathered.get()), primaryKey(connection),
                            true, false, null);
                }
            }
        }
        String byTerm = null;
        boolean byDay = false;
        List<UUID> candidates = null;
        if (words.isPresent()) {
            UUID client = query.client().value();
            boolean onlyDates = query.account().isEmpty() && query.minAmountMinor().isEmpty()
                    && query.maxAmountMinor().isEmpty();
            if (words.get().words().size() == 1 && words.get().literal().isEmpty() && query.sort() == LedgerSort.DATE
                    && onlyDates) {
                byDay = words.get().rarest(connection, client, Math.max(dayTerms, 0) + 1).terms() <= dayTerms;
            } else if (query.sort() != LedgerSort.DATE || !onlyDates || words.get().literal().isPresent()) {
                // Another order, another filter or text as typed: matches may come late in the order's index, so
                // the rarest word's transactions in the date range are gathered when there are not too many.
                String word = words.get().words().getFirst();
                if (words.get().words().size() > 1) {
                    WordFilter.Rarest rarest = words.get().rarest(connection, client, Math.max(middleTerms, 0) + 1);
                    word = rarest.terms() <= middleTerms ? rarest.word() : null;
                }
                if (word != null && firstPage && query.sort() == LedgerSort.PAYEE && words.get().literal().isEmpty()) {
                    Optional<PayeeGroups> groups = PayeeGroups.find(connection, client, word, query.from(), query.to(),
                            groupedPayeeTerms, Math.min(distinctTexts, GROUPED_PAYEES));
                    if (groups.isPresent()) {
                        return new Filter(query, words, word, false, null, primaryKey(connection), false, false,
                                groups.get());
                    }
                }
                if (word != null) {
                    Optional<List<UUID>> gathered = WordFilter.candidates(connection, client, word, query.from(),
                            query.to(), Math.max(middleTerms, 0));
                    if (gathered.isPresent()) {
                        byTerm = word;
                        candidates = gathered.get();
                    }
                }
            } else {
                // In date order with dates alone, matches of a commoner word come soon in the date index.
                WordFilter.Rarest rarest = words.get().rarest(connection, client, Math.max(fewTerms, 0) + 1);
                if (rarest.terms() <= fewTerms) {
                    byTerm = rarest.word();
                }
            }
        }
        return new Filter(query, words, byTerm, byDay, candidates,
                byTerm == null && !byDay ? null : primaryKey(connection), false, false, null);
    }

    /** The database's order of UUIDs (unsigned, high bits first): neighbouring ids are read one after the other. */
    private static List<UUID> inIdOrder(List<UUID> ids) {
        List<UUID> sorted = new ArrayList<>(ids);
        sorted.sort((a, b) -> {
            int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
            return high != 0 ? high : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
        });
        return sorted;
    }

    /** H2 names the primary key's index itself (PRIMARY_KEY_nn), differently in each database. */
    private String primaryKey(Connection connection) throws SQLException {
        String name = primaryKey;
        if (name == null) {
            try (PreparedStatement statement = connection.prepareStatement("""
                    select index_name from information_schema.indexes
                    where table_schema = 'PUBLIC' and table_name = 'TRANSACTIONS' and index_type_name = 'PRIMARY KEY'
                    """); ResultSet rows = statement.executeQuery()) {
                rows.next();
                name = rows.getString(1);
            }
            primaryKey = name;
        }
        return name;
    }

    /**
     * The where clause of a query and the values it binds, in order. Text made of words matches words
     * that start with each of them, through the search index's terms (see {@link WordFilter}). When the
     * rarest word starts few payee and memo terms of the client ({@code byTerm}), its transactions are
     * the candidates, read through the primary key, and the other words are checked on each of them.
     * One word of up to {@link #DAY_TERMS} terms in date order with no other filter than dates
     * ({@code byDay}, whether rare or not) has its page of ids chosen and counted from the term index
     * alone. With another order or filter, or text with punctuation, the rarest word's transactions in
     * the date range, up to {@link #MIDDLE_TERMS}, are gathered ({@code candidates}) and joined by id.
     * Otherwise the page reads rows in its order's index and checks the words on each row, and the count
     * gathers each word's transactions once and checks every row of the client against them. Text with
     * punctuation must also contain the text as typed (ignoring case), checked before the words; text
     * without a letter or digit is only that check, on every row.
     *
     * <p>Text as typed is first looked for in the client's distinct payees and memos ({@link TypedText}):
     * when none holds it nothing matches ({@code none}); when their rows are few they are the candidates
     * ({@code typed}: the text as typed is then known to hold on them, and every word is checked on each).
     *
     * @param candidates the gathered ids of the word {@code byTermWord}, or of the payees and memos holding the
     *     text as typed, or null
     * @param primaryKey the primary key index's name when a word is read by term or by day, or candidates by id
     * @param typed the candidates are the rows of the payees and memos that hold the text as typed
     * @param none nothing matches
     * @param groups for a first page in payee order, the word's matches told apart by payee (or null); the
     *     word is then {@code byTermWord}, and a payee's memo matches become the candidates of a copy
     */
    private record Filter(LedgerQuery query, Optional<WordFilter> words, String byTermWord, boolean byDay,
            List<UUID> candidates, String primaryKey, boolean typed, boolean none, PayeeGroups groups) {

        /** The same query with every word checked on each row read. */
        Filter rowByRow() {
            return new Filter(query, words, null, false, null, primaryKey, false, false, null);
        }

        /** The same query over the given transactions (in id order) of the word read by term. */
        Filter withCandidates(List<UUID> ids) {
            return new Filter(query, words, byTermWord, false, ids, primaryKey, false, false, null);
        }

        /** Binds the one word, the client and the dates of {@link WordFilter#idsByDaySql}; returns the next index. */
        int bindByDay(PreparedStatement statement) throws SQLException {
            int index = WordFilter.bindWord(statement, 1, words.orElseThrow().words().getFirst());
            statement.setObject(index++, query.client().value());
            for (Optional<LocalDate> value : List.of(query.from(), query.to())) {
                if (value.isPresent()) {
                    statement.setObject(index++, value.get());
                }
            }
            return index;
        }

        boolean byTerm() {
            return byTermWord != null;
        }

        /**
         * The from clause: the index given (none when null), or the primary key when a word's transactions
         * are read by id. Gathered ids are a table joined by id: the database then reads each by its key once,
         * where {@code t.id = any(?)} would check every row read against the whole list again.
         */
        String from(String index) {
            if (candidates != null) {
                return "table(x uuid = ?) c join transactions t use index (" + primaryKey + ") on t.id = c.x";
            }
            if (byTerm()) {
                return "transactions t use index (" + primaryKey + ")";
            }
            return index == null ? "transactions t" : "transactions t use index (" + index + ")";
        }

        String sql(boolean counting) {
            StringBuilder sql = new StringBuilder("t.client_id = ?");
            query.from().ifPresent(from -> sql.append(" and t.date >= ?"));
            query.to().ifPresent(to -> sql.append(" and t.date <= ?"));
            query.account().ifPresent(account -> sql.append(" and (t.bank_account_id = ? or exists (select 1 from"
                    + " splits fs where fs.transaction_id = t.id and fs.account_id = ?))"));
            query.minAmountMinor().ifPresent(min -> sql.append(" and abs(t.total_minor) >= ?"));
            query.maxAmountMinor().ifPresent(max -> sql.append(" and abs(t.total_minor) <= ?"));
            // The text as typed first: a row it rules out costs no look-up of its terms.
            if (literal().isPresent() && !typed) {
                sql.append(" and (t.payee_key like ? escape '\\' or t.memo ilike ? escape '\\')");
            }
            if (words.isPresent()) {
                for (String word : words.get().words()) {
                    if (candidates != null && word.equals(byTermWord)) {
                        continue;
                    }
                    if (candidates == null && gathered(word, counting)) {
                        sql.append(" and t.id in (").append(WordFilter.idsWithWordSql()).append(")");
                    } else {
                        sql.append(" and ").append(WordFilter.hasWordSql("t.id"));
                    }
                }
            }
            return sql.toString();
        }

        /**
         * Text to find as typed in the payee or memo: text with punctuation, checked on the candidates of
         * its words, or text without any letter or digit, checked on every row.
         */
        private Optional<String> literal() {
            if (words.isPresent()) {
                return words.get().literal();
            }
            return query.text().isEmpty() ? Optional.empty() : Optional.of(query.text());
        }

        /** Whether the word's transactions are read as a set (else each row is checked on its own terms). */
        private boolean gathered(String word, boolean counting) {
            return byTerm() ? word.equals(byTermWord) : counting;
        }

        /** Binds the values of {@link #from} and the where clause from the given parameter index on; returns the next free index. */
        int bind(PreparedStatement statement, int first, boolean counting) throws SQLException {
            int index = first;
            if (candidates != null) {
                // The rarest word's transactions in the date range (see filter); the other words are checked on each.
                statement.setObject(index++, candidates.toArray(new UUID[0]));
            }
            UUID client = query.client().value();
            statement.setObject(index++, client);
            for (Optional<?> value : List.of(query.from(), query.to())) {
                if (value.isPresent()) {
                    statement.setObject(index++, value.get());
                }
            }
            if (query.account().isPresent()) {
                statement.setObject(index++, query.account().get().value());
                statement.setObject(index++, query.account().get().value());
            }
            for (Optional<Long> value : List.of(query.minAmountMinor(), query.maxAmountMinor())) {
                if (value.isPresent()) {
                    statement.setLong(index++, value.get());
                }
            }
            if (literal().isPresent() && !typed) {
                String pattern = TypedText.pattern(literal().get());
                statement.setString(index++, pattern);
                statement.setString(index++, pattern);
            }
            if (words.isPresent()) {
                for (String word : words.get().words()) {
                    if (candidates != null && word.equals(byTermWord)) {
                        continue;
                    }
                    index = WordFilter.bindWord(statement, index, word);
                    if (candidates == null && gathered(word, counting)) {
                        statement.setObject(index++, client);
                    }
                }
            }
            return index;
        }
    }
}
