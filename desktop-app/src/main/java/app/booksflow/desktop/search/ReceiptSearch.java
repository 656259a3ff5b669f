package app.booksflow.desktop.search;

import app.booksflow.desktop.store.LocalStore;
import app.booksflow.model.id.ClientId;
import app.booksflow.model.id.ReceiptId;
import app.booksflow.model.money.Money;
import app.booksflow.model.receipt.ReceiptStatus;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Finds receipts as the user types, across all clients or the visible ones, by any word of their
 * vendor, file name or the text OCR read (ADR 0025). Every query word must start a term of the
 * receipt, as in {@link SearchService}. The rarest word's receipts are the candidates, newest first,
 * chosen from the term index alone (at most {@link #CANDIDATES} index entries); each other word is
 * checked on a candidate's own terms until {@link #RANKED} match; only those receipts are read, and
 * ranked: words found in the vendor first, then in the file name, then newest first.
 */
public final class ReceiptSearch {

    /** Receipts of the rarest word considered at most; a word on nearly every receipt finds some of them. */
    static final int CANDIDATES = 5_000;
    /** Newest matches ranked in memory at most, before the best are kept. */
    private static final int RANKED = 100;
    /** Query words used at most; each is a lookup. */
    private static final int MAX_WORDS = 8;
    private static final int EXCERPT_LENGTH = 90;

    private final LocalStore store;
    private final int candidates;

    public ReceiptSearch(LocalStore store) {
        this(store, CANDIDATES);
    }

    /** With another cap on the candidates, so that tests reach it on small books. */
    ReceiptSearch(LocalStore store, int candidates) {
        this.store = store;
        this.candidates = candidates;
    }

    /**
     * @param visibleClients the clients to search, or null for all
     * @return the best hits first; none for a query without words
     */
    public List<ReceiptHit> search(String query, Set<ClientId> visibleClients, int limit) {
        List<String> words = new ArrayList<>(new LinkedHashSet<>(Terms.of(query == null ? "" : query)));
        if (words.isEmpty() || limit <= 0 || (visibleClients != null && visibleClients.isEmpty())) {
            return List.of();
        }
        List<String> used = words.subList(0, Math.min(words.size(), MAX_WORDS));
        return store.read(session -> session.doReturningWork(connection -> search(connection, used, visibleClients, limit)));
    }

    private List<ReceiptHit> search(Connection connection, List<String> words, Set<ClientId> visible, int limit)
            throws SQLException {
        String rarest = rarest(connection, words);
        List<String> others = words.stream().filter(word -> !word.equals(rarest)).toList();
        List<UUID> matching = new ArrayList<>();
        try (PreparedStatement has = connection.prepareStatement(
                "select 1 from receipt_terms where receipt_id = ? and term >= ? and term <= ? limit 1")) {
            for (UUID candidate : candidates(connection, rarest, visible)) {
                if (hasAll(has, candidate, others)) {
                    matching.add(candidate);
                    if (matching.size() == RANKED) {
                        break;
                    }
                }
            }
        }
        if (matching.isEmpty()) {
            return List.of();
        }
        List<ReceiptHit> found = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("""
                select r.id, r.client_id, c.name, r.original_name, r.vendor, r.receipt_date, r.total_minor,
                       r.amount_currency, r.status, r.received_at
                from receipts r join clients c on c.id = r.client_id
                where r.id in (%s)
                """.formatted("?, ".repeat(matching.size() - 1) + "?"))) {
            int index = 1;
            for (UUID id : matching) {
                statement.setObject(index++, id);
            }
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    found.add(hit(rows));
                }
            }
        }
        Map<ReceiptHit, Integer> scores = new HashMap<>();
        for (ReceiptHit hit : found) {
            scores.put(hit, score(words, hit));
        }
        List<ReceiptHit> best = found.stream()
                .sorted(Comparator.comparing((ReceiptHit hit) -> scores.get(hit)).reversed()
                        .thenComparing(ReceiptHit::receivedAt, Comparator.reverseOrder())
                        .thenComparing(hit -> hit.receipt().value()))
                .limit(limit)
                .toList();
        return withExcerpts(connection, best, words.getFirst());
    }

    /**
     * The receipts with a term starting with the word, newest first, read from the index alone (it holds
     * each term's receipt, client and arrival): at most {@link #CANDIDATES} index entries.
     */
    private List<UUID> candidates(Connection connection, String word, Set<ClientId> visible) throws SQLException {
        StringBuilder sql = new StringBuilder("""
                select receipt_id, received_at from receipt_terms use index (receipt_terms_by_term_day)
                where term >= ? and term <= ?""");
        if (visible != null) {
            sql.append(" and client_id in (").append("?, ".repeat(visible.size() - 1)).append("?)");
        }
        sql.append(" limit ?");
        record Entry(UUID receipt, OffsetDateTime receivedAt) {
        }
        Map<UUID, Entry> entries = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(sql.toString())) {
            int index = 1;
            statement.setString(index++, word);
            statement.setString(index++, Terms.upperBound(word));
            if (visible != null) {
                for (ClientId client : visible) {
                    statement.setObject(index++, client.value());
                }
            }
            statement.setInt(index, candidates);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    UUID receipt = rows.getObject(1, UUID.class);
                    entries.putIfAbsent(receipt, new Entry(receipt, rows.getObject(2, OffsetDateTime.class)));
                }
            }
        }
        return entries.values().stream()
                .sorted(Comparator.comparing(Entry::receivedAt, Comparator.reverseOrder()).thenComparing(Entry::receipt))
                .map(Entry::receipt)
                .toList();
    }

    /** Whether each of the words starts a term of the receipt (through the primary key). */
    private static boolean hasAll(PreparedStatement has, UUID receipt, List<String> words) throws SQLException {
        for (String word : words) {
            has.setObject(1, receipt);
            has.setString(2, word);
            has.setString(3, Terms.upperBound(word));
            try (ResultSet rows = has.executeQuery()) {
                if (!rows.next()) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The word starting the fewest terms (counted up to a little past the candidates' cap). */
    private String rarest(Connection connection, List<String> words) throws SQLException {
        if (words.size() == 1) {
            return words.getFirst();
        }
        String rarest = words.getFirst();
        long fewest = Long.MAX_VALUE;
        try (PreparedStatement count = connection.prepareStatement(
                "select count(*) from (select 1 from receipt_terms where term >= ? and term <= ? limit ?)")) {
            for (String word : words) {
                count.setString(1, word);
                count.setString(2, Terms.upperBound(word));
                count.setInt(3, candidates + 1);
                try (ResultSet rows = count.executeQuery()) {
                    rows.next();
                    long terms = rows.getLong(1);
                    if (terms < fewest) {
                        fewest = terms;
                        rarest = word;
                    }
                }
            }
        }
        return rarest;
    }

    private static ReceiptHit hit(ResultSet rows) throws SQLException {
        Optional<String> currency = Optional.ofNullable(rows.getString(8)).map(String::strip);
        long total = rows.getLong(7);
        Optional<Money> amount = rows.wasNull() || currency.isEmpty() ? Optional.empty()
                : Optional.of(Money.ofMinor(total, Currency.getInstance(currency.get())));
        return new ReceiptHit(new ClientId(rows.getObject(2, UUID.class)), rows.getString(3),
                new ReceiptId(rows.getObject(1, UUID.class)), rows.getString(4), Optional.ofNullable(rows.getString(5)),
                Optional.ofNullable(rows.getObject(6, LocalDate.class)), amount, ReceiptStatus.valueOf(rows.getString(9)),
                rows.getObject(10, OffsetDateTime.class).toInstant(), "");
    }

    /** Two points per word starting a word of the vendor, one per word starting a word of the file name. */
    private static int score(List<String> words, ReceiptHit hit) {
        List<String> vendor = Terms.of(hit.vendor().orElse(""));
        List<String> name = Terms.of(hit.originalName());
        int score = 0;
        for (String word : words) {
            if (vendor.stream().anyMatch(term -> term.startsWith(word))) {
                score += 2;
            } else if (name.stream().anyMatch(term -> term.startsWith(word))) {
                score += 1;
            }
        }
        return score;
    }

    private static List<ReceiptHit> withExcerpts(Connection connection, List<ReceiptHit> hits, String word)
            throws SQLException {
        if (hits.isEmpty()) {
            return hits;
        }
        Map<UUID, String> texts = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement("select id, ocr_text from receipts where id in ("
                + "?, ".repeat(hits.size() - 1) + "?)")) {
            int index = 1;
            for (ReceiptHit hit : hits) {
                statement.setObject(index++, hit.receipt().value());
            }
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    texts.put(rows.getObject(1, UUID.class), rows.getString(2));
                }
            }
        }
        return hits.stream().map(hit -> new ReceiptHit(hit.client(), hit.clientName(), hit.receipt(), hit.originalName(),
                hit.vendor(), hit.date(), hit.total(), hit.status(), hit.receivedAt(),
                excerpt(texts.get(hit.receipt().value()), word))).toList();
    }

    /** The first line of the text with a term starting with the word, cut to a readable length. */
    static String excerpt(String text, String word) {
        if (text == null) {
            return "";
        }
        for (String line : text.split("\\R")) {
            if (Terms.of(line).stream().anyMatch(term -> term.startsWith(word))) {
                String shown = line.strip().replaceAll("\\s+", " ");
                return shown.length() <= EXCERPT_LENGTH ? shown : shown.substring(0, EXCERPT_LENGTH - 1) + "\u2026";
            }
        }
        return "";
    }
}
