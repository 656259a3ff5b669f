package app.booksflow.desktop.search;

import app.booksflow.desktop.store.LocalStore;
import app.booksflow.model.id.ClientId;
import app.booksflow.model.id.TransactionId;
import app.booksflow.model.money.Money;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Finds transactions as the user types, across all clients or the visible ones. Every query word must
 * match the start of a term of the transaction (so the word still being typed matches too); each word
 * is one range lookup on the term index, the matches are intersected here, and only the ranked top
 * transactions are read from the ledger.
 */
public final class SearchService {

    public static final int DEFAULT_LIMIT = 50;
    /** An exact word outranks a prefix in the same field, but not a better field. */
    private static final int EXACT_BONUS = 1;
    private static final int FIELD_FACTOR = 2;

    static final String TERMS = """
            select transaction_id, field, term, client_id, on_day from search_terms where term >= ? and term <= ?
            """;

    private final LocalStore store;

    public SearchService(LocalStore store) {
        this.store = store;
    }

    public List<SearchHit> search(String query) {
        return search(query, null, DEFAULT_LIMIT);
    }

    /**
     * @param visibleClients the clients to search, or null for all
     * @return the best hits first; none for a blank query
     */
    public List<SearchHit> search(String query, Set<ClientId> visibleClients, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("The limit must be positive: " + limit);
        }
        List<String> words = List.copyOf(new LinkedHashSet<>(Terms.of(query == null ? "" : query)));
        if (words.isEmpty() || (visibleClients != null && visibleClients.isEmpty())) {
            return List.of();
        }
        Set<UUID> clients = visibleClients == null ? null
                : visibleClients.stream().map(ClientId::value).collect(Collectors.toSet());
        return store.read(session -> session.doReturningWork(connection -> {
            Map<UUID, Candidate> candidates = null;
            for (String word : words) {
                Map<UUID, Candidate> matches = matches(connection, word, clients);
                candidates = candidates == null ? matches : intersect(candidates, matches);
                if (candidates.isEmpty()) {
                    return List.<SearchHit>of();
                }
            }
            List<Candidate> ranked = new ArrayList<>(candidates.values());
            ranked.sort(Comparator.comparingInt(Candidate::score).reversed()
                    .thenComparing(Candidate::date, Comparator.reverseOrder()).thenComparing(Candidate::id));
            return hits(connection, ranked.subList(0, Math.min(limit, ranked.size())));
        }));
    }

    private static Map<UUID, Candidate> matches(Connection connection, String word, Set<UUID> clients)
            throws SQLException {
        Map<UUID, Candidate> matches = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(TERMS)) {
            statement.setString(1, word);
            // Terms are folded text, so no character of one sorts after U+FFFF: this bounds the prefix range.
            statement.setString(2, word + '\uFFFF');
            statement.setFetchSize(1_000);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    UUID client = rows.getObject(4, UUID.class);
                    if (clients != null && !clients.contains(client)) {
                        continue;
                    }
                    UUID id = rows.getObject(1, UUID.class);
                    SearchField field = SearchField.ofCode(rows.getInt(2));
                    int score = field.weight() * FIELD_FACTOR + (word.equals(rows.getString(3)) ? EXACT_BONUS : 0);
                    Candidate candidate = new Candidate(id, rows.getObject(5, LocalDate.class), score, field, field.weight());
                    matches.merge(id, candidate, (a, b) -> a.score >= b.score ? a : b);
                }
            }
        }
        return matches;
    }

    private static Map<UUID, Candidate> intersect(Map<UUID, Candidate> sofar, Map<UUID, Candidate> word) {
        Map<UUID, Candidate> both = new HashMap<>();
        Map<UUID, Candidate> smaller = sofar.size() <= word.size() ? sofar : word;
        Map<UUID, Candidate> larger = smaller == sofar ? word : sofar;
        for (Candidate candidate : smaller.values()) {
            Candidate other = larger.get(candidate.id);
            if (other != null) {
                both.put(candidate.id, candidate.and(other));
            }
        }
        return both;
    }

    private static List<SearchHit> hits(Connection connection, List<Candidate> ranked) throws SQLException {
        if (ranked.isEmpty()) {
            return List.of();
        }
        String placeholders = String.join(", ", Collections.nCopies(ranked.size(), "?"));
        Map<UUID, SearchHit> byId = new HashMap<>();
        Map<UUID, Candidate> candidates = new HashMap<>();
        ranked.forEach(candidate -> candidates.put(candidate.id, candidate));
        try (PreparedStatement statement = connection.prepareStatement("""
                select t.id, t.client_id, c.name, t.date, t.payee, t.memo, t.total_minor, t.currency
                from transactions t join clients c on c.id = t.client_id
                where t.id in (%s)
                """.formatted(placeholders))) {
            for (int i = 0; i < ranked.size(); i++) {
                statement.setObject(i + 1, ranked.get(i).id);
            }
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    UUID id = rows.getObject(1, UUID.class);
                    Candidate candidate = candidates.get(id);
                    byId.put(id, new SearchHit(new ClientId(rows.getObject(2, UUID.class)), rows.getString(3),
                            new TransactionId(id), rows.getObject(4, LocalDate.class), rows.getString(5),
                            rows.getString(6), Money.ofMinor(rows.getLong(7), Currency.getInstance(rows.getString(8))),
                            candidate.field, candidate.score));
                }
            }
        }
        List<SearchHit> hits = new ArrayList<>(ranked.size());
        Set<UUID> seen = new HashSet<>();
        for (Candidate candidate : ranked) {
            SearchHit hit = byId.get(candidate.id);
            if (hit != null && seen.add(candidate.id)) {
                hits.add(hit);
            }
        }
        return hits;
    }

    /** A transaction matching every word so far: the summed score, and the best field it matched in. */
    private record Candidate(UUID id, LocalDate date, int score, SearchField field, int bestWeight) {

        Candidate and(Candidate other) {
            SearchField best = other.bestWeight > bestWeight ? other.field : field;
            return new Candidate(id, date, score + other.score, best, Math.max(bestWeight, other.bestWeight));
        }
    }
}
