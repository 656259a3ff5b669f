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
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiConsumer;

/**
 * Finds transactions as the user types, across all clients or the visible ones. Every query word must
 * match the start of a term of the transaction (so the word still being typed matches too).
 *
 * <p>Ranking: each word scores its best match in the transaction, {@code field weight * 2}, plus 1 when
 * the term is the whole word (payee 9/8, memo 7/6, split memo 5/4, amount 3/2 for exact/prefix); a
 * transaction scores the sum over the words. Higher scores first, then newer, then by id in the
 * database's order. Everything is read from the index {@code search_terms_by_term_field_day}, which
 * holds every column a search needs, so no lookup goes to the term rows themselves.
 *
 * <p>One word is answered tier by tier in that score order, each tier newest first straight from the
 * index, and stops as soon as the limit is filled: a common word costs about as much as a rare one.
 * A prefix completing more than {@link #MAX_COMPLETIONS} different terms (one or two letters or
 * digits) is completed with its first ones in alphabetical order; exact matches of the word itself
 * always count. Several words start from the rarest: when it is small its matches are the candidates,
 * and each other word is either read whole (when small) or checked against the candidates' own terms;
 * when every word is common, the rarest is read tier by tier and each transaction scored on its own
 * terms, until no unread one can rank higher, or {@link #TIER_BUDGET} transactions were scored.
 */
public final class SearchService {

    public static final int DEFAULT_LIMIT = 50;
    /** How many different terms a prefix of one word is completed with, at most. */
    static final int MAX_COMPLETIONS = 64;
    /** A word with at most this many term rows is read whole; above it, it is counted no further. */
    static final int SMALL_WORD = 20_000;
    /** A larger word is checked on the candidates' own terms when there are at most this many candidates. */
    static final int CHECKED_CANDIDATES = 5_000;
    /** An exact word outranks a prefix in the same field, but not a better field. */
    private static final int EXACT_BONUS = 1;
    private static final int FIELD_FACTOR = 2;
    /**
     * How many transactions of the rarest word a search of several common words scores at most. Past
     * it, the best found so far are shown: those among the rarest word's best tiers, newest first.
     */
    static final int TIER_BUDGET = 5_000;
    private static final int BATCH = 500;
    /** The ranking, ties broken by id as the database orders UUIDs (unsigned), so SQL and Java agree. */
    private static final Comparator<Candidate> RANKING = Comparator.comparingInt(Candidate::score).reversed()
            .thenComparing(Candidate::date, Comparator.reverseOrder())
            .thenComparing(Candidate::id, SearchService::compareIds);

    static final String TERMS = """
            select transaction_id, field, term, client_id, on_day from search_terms where term >= ? and term <= ?
            """;
    /**
     * One term in one field, newest first: the order of the index, so the limit ends the read. The
     * fixed term and field are named in the order by too, or the database sorts instead of reading in order.
     * The index is named: with a list of clients the database could take the ledger's index by client (V14)
     * and sort.
     */
    static final String NEWEST = """
            select transaction_id, on_day from search_terms use index (search_terms_by_term_field_day)
            where term = ? and field = ?%s
            order by term, field, on_day desc, transaction_id limit ?
            """;
    /** The next term: from just past the previous one, so that its rows are skipped, not read. */
    private static final String NEXT_TERM = """
            select term from search_terms where term >= ? and term <= ? order by term limit 1
            """;
    private static final String COUNT = """
            select count(*) from (select 1 from search_terms where term >= ? and term <= ? limit ?)
            """;

    private final LocalStore store;
    private final int maxCompletions;
    private final int smallWord;
    private final int checkedCandidates;

    public SearchService(LocalStore store) {
        this(store, MAX_COMPLETIONS, SMALL_WORD, CHECKED_CANDIDATES);
    }

    /** With other thresholds, so that tests reach every path on small books. */
    SearchService(LocalStore store, int maxCompletions, int smallWord, int checkedCandidates) {
        this.store = store;
        this.maxCompletions = maxCompletions;
        this.smallWord = smallWord;
        this.checkedCandidates = checkedCandidates;
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
        List<UUID> clients = visibleClients == null ? null
                : visibleClients.stream().map(ClientId::value).sorted().toList();
        return store.read(session -> session.doReturningWork(connection -> {
            List<Candidate> ranked = words.size() == 1
                    ? oneWord(connection, words.getFirst(), clients, limit)
                    : severalWords(connection, words, clients, limit);
            return hits(connection, ranked);
        }));
    }

    /** Tier by tier in score order (payee exact, payee prefix, memo exact...), each newest first. */
    private List<Candidate> oneWord(Connection connection, String word, List<UUID> clients, int limit)
            throws SQLException {
        List<String> completions = completions(connection, word).terms();
        Map<UUID, Candidate> chosen = new LinkedHashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(newest(clients))) {
            for (SearchField field : byWeight()) {
                for (boolean exact : new boolean[] {true, false}) {
                    int need = limit - chosen.size();
                    if (need == 0) {
                        return List.copyOf(chosen.values());
                    }
                    int score = field.weight() * FIELD_FACTOR + (exact ? EXACT_BONUS : 0);
                    Map<UUID, Candidate> tier = new HashMap<>();
                    for (String term : completions) {
                        if (term.equals(word) != exact) {
                            continue;
                        }
                        // Whatever is already chosen may come again here: reading `limit` rows of each term
                        // leaves at least `need` new ones, so the tier's best are among them.
                        newest(statement, term, field, clients, limit, -1, (id, day) -> {
                            if (!chosen.containsKey(id)) {
                                tier.putIfAbsent(id, new Candidate(id, day, score, field, field.weight()));
                            }
                        });
                    }
                    tier.values().stream().sorted(RANKING).limit(need)
                            .forEach(candidate -> chosen.put(candidate.id, candidate));
                }
            }
        }
        return List.copyOf(chosen.values());
    }

    /**
     * The terms starting with the word, itself included, alphabetically: one index seek each. At most
     * {@code maxCompletions} besides the word; {@link Completions#cut} says whether there were more.
     */
    private Completions completions(Connection connection, String word) throws SQLException {
        List<String> terms = new ArrayList<>();
        boolean cut = false;
        try (PreparedStatement exact = connection.prepareStatement(
                "select 1 from search_terms where term = ? limit 1");
                PreparedStatement next = connection.prepareStatement(NEXT_TERM)) {
            exact.setString(1, word);
            try (ResultSet rows = exact.executeQuery()) {
                if (rows.next()) {
                    terms.add(word);
                }
            }
            String after = word;
            next.setString(2, Terms.upperBound(word));
            int others = 0;
            while (true) {
                // No term holds U+0000, so this is the least string after the previous term.
                next.setString(1, after + '\u0000');
                try (ResultSet rows = next.executeQuery()) {
                    if (!rows.next()) {
                        break;
                    }
                    if (others == maxCompletions) {
                        cut = true;
                        break;
                    }
                    after = rows.getString(1);
                    terms.add(after);
                    others++;
                }
            }
        }
        return new Completions(terms, cut);
    }

    /**
     * Starts from the rarest word. When it is small, its matches are read whole and each other word is
     * read whole too (when small) or checked on the candidates' own terms. When it is common, or too many
     * candidates would be checked, it is read tier by tier instead (see {@link #tiers}).
     */
    private List<Candidate> severalWords(Connection connection, List<String> words, List<UUID> clients,
            int limit) throws SQLException {
        Map<String, Integer> sizes = new HashMap<>();
        for (String word : words) {
            sizes.put(word, size(connection, word));
        }
        List<String> byRarity = new ArrayList<>(words);
        // Equally common (both past the count): the longer word is the more specific.
        byRarity.sort(Comparator.<String>comparingInt(sizes::get).thenComparing(word -> -word.length()));
        String rarest = byRarity.getFirst();
        if (sizes.get(rarest) > smallWord) {
            return tiers(connection, byRarity, clients, limit);
        }
        Set<UUID> visible = clients == null ? null : new HashSet<>(clients);
        Map<UUID, Candidate> candidates = matches(connection, rarest, visible);
        List<String> checked = new ArrayList<>();
        for (String word : byRarity.subList(1, byRarity.size())) {
            if (candidates.isEmpty()) {
                return List.of();
            }
            if (sizes.get(word) <= smallWord) {
                candidates = intersect(candidates, matches(connection, word, visible));
            } else if (candidates.size() <= checkedCandidates) {
                checked.add(word);
            } else {
                return tiers(connection, byRarity, clients, limit);
            }
        }
        if (!checked.isEmpty() && !candidates.isEmpty()) {
            Map<UUID, List<Term>> own = ownTerms(connection, candidates.keySet());
            Map<UUID, Candidate> kept = new HashMap<>();
            for (Candidate candidate : candidates.values()) {
                Candidate rest = best(checked, candidate.id, candidate.date, own.getOrDefault(candidate.id, List.of()));
                if (rest != null) {
                    kept.put(candidate.id, candidate.and(rest));
                }
            }
            candidates = kept;
        }
        List<Candidate> ranked = new ArrayList<>(candidates.values());
        ranked.sort(RANKING);
        return ranked.subList(0, Math.min(limit, ranked.size()));
    }

    /**
     * Reads the first (rarest) word tier by tier, each newest first, a page at a time, and scores every
     * transaction read on its own terms for all the words. Stops when no unread transaction can rank
     * among the best found: its score is at most the tier's plus the best the other words can score.
     */
    private List<Candidate> tiers(Connection connection, List<String> words, List<UUID> clients, int limit)
            throws SQLException {
        String driver = words.getFirst();
        int othersAtBest = 0;
        for (String word : words.subList(1, words.size())) {
            othersAtBest += bestPossible(connection, word);
        }
        List<String> completions = completions(connection, driver).terms();
        int page = Math.max(limit, 64);
        List<Candidate> found = new ArrayList<>();
        Set<UUID> read = new HashSet<>();
        try (PreparedStatement statement = connection.prepareStatement(newest(clients) + " offset ?")) {
            for (SearchField field : byWeight()) {
                for (boolean exact : new boolean[] {true, false}) {
                    int bound = field.weight() * FIELD_FACTOR + (exact ? EXACT_BONUS : 0) + othersAtBest;
                    List<Stream> streams = new ArrayList<>();
                    for (String term : completions) {
                        if (term.equals(driver) == exact) {
                            streams.add(new Stream(term));
                        }
                    }
                    while (!streams.isEmpty() && !settled(found, limit, bound, streams)) {
                        if (read.size() >= TIER_BUDGET) {
                            return found;
                        }
                        Map<UUID, LocalDate> fresh = new LinkedHashMap<>();
                        for (Stream stream : streams) {
                            int rows = newest(statement, stream.term, field, clients, page, stream.offset,
                                    (id, day) -> {
                                        stream.lastId = id;
                                        stream.lastDay = day;
                                        if (read.add(id)) {
                                            fresh.put(id, day);
                                        }
                                    });
                            stream.offset += rows;
                            stream.done = rows < page;
                        }
                        streams.removeIf(stream -> stream.done);
                        Map<UUID, List<Term>> own = ownTerms(connection, fresh.keySet());
                        fresh.forEach((id, day) -> {
                            Candidate all = best(words, id, day, own.getOrDefault(id, List.of()));
                            if (all != null) {
                                found.add(all);
                            }
                        });
                        found.sort(RANKING);
                        if (found.size() > limit) {
                            found.subList(limit, found.size()).clear();
                        }
                    }
                    if (found.size() == limit && found.getLast().score > bound) {
                        return found;
                    }
                }
            }
        }
        return found;
    }

    /** Whether nothing unread in these streams can displace the last of the best found. */
    private static boolean settled(List<Candidate> found, int limit, int bound, List<Stream> streams) {
        if (found.size() < limit) {
            return false;
        }
        Candidate last = found.getLast();
        if (last.score > bound) {
            return true;
        }
        if (last.score < bound) {
            return false;
        }
        // Equal scores rank newer first: unread rows of a stream come after the last one it returned.
        for (Stream stream : streams) {
            if (stream.lastDay == null) {
                return false;
            }
            int order = stream.lastDay.compareTo(last.date);
            if (order > 0 || (order == 0 && compareIds(stream.lastId, last.id) < 0)) {
                return false;
            }
        }
        return true;
    }

    /** The best score a word can reach in any transaction: its best (field, exact or prefix) that exists. */
    private int bestPossible(Connection connection, String word) throws SQLException {
        Completions found = completions(connection, word);
        if (found.cut()) {
            return SearchField.PAYEE.weight() * FIELD_FACTOR + EXACT_BONUS;
        }
        List<String> completions = found.terms();
        try (PreparedStatement statement = connection.prepareStatement(
                "select 1 from search_terms where term = ? and field = ? limit 1")) {
            for (SearchField field : byWeight()) {
                for (boolean exact : new boolean[] {true, false}) {
                    for (String term : completions) {
                        if (term.equals(word) != exact) {
                            continue;
                        }
                        statement.setString(1, term);
                        statement.setInt(2, field.code());
                        try (ResultSet rows = statement.executeQuery()) {
                            if (rows.next()) {
                                return field.weight() * FIELD_FACTOR + (exact ? EXACT_BONUS : 0);
                            }
                        }
                    }
                }
            }
        }
        return 0;
    }

    /** How many term rows start with the word, counted up to just past the small-word threshold. */
    private int size(Connection connection, String word) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(COUNT)) {
            statement.setString(1, word);
            statement.setString(2, Terms.upperBound(word));
            statement.setInt(3, smallWord + 1);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    private static Map<UUID, Candidate> matches(Connection connection, String word, Set<UUID> clients)
            throws SQLException {
        Map<UUID, Candidate> matches = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(TERMS)) {
            statement.setString(1, word);
            statement.setString(2, Terms.upperBound(word));
            statement.setFetchSize(1_000);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    UUID client = rows.getObject(4, UUID.class);
                    if (clients != null && !clients.contains(client)) {
                        continue;
                    }
                    UUID id = rows.getObject(1, UUID.class);
                    SearchField field = SearchField.ofCode(rows.getInt(2));
                    Candidate candidate = new Candidate(id, rows.getObject(5, LocalDate.class),
                            score(word, rows.getString(3), field), field, field.weight());
                    matches.merge(id, candidate, (a, b) -> a.score >= b.score ? a : b);
                }
            }
        }
        return matches;
    }

    /** The transactions' own terms, through the primary key. */
    private static Map<UUID, List<Term>> ownTerms(Connection connection, Set<UUID> transactions)
            throws SQLException {
        Map<UUID, List<Term>> terms = new HashMap<>();
        List<UUID> ids = new ArrayList<>(transactions);
        for (int from = 0; from < ids.size(); from += BATCH) {
            List<UUID> batch = ids.subList(from, Math.min(from + BATCH, ids.size()));
            try (PreparedStatement statement = connection.prepareStatement(
                    "select transaction_id, field, term from search_terms where transaction_id in (%s)"
                            .formatted(String.join(", ", Collections.nCopies(batch.size(), "?"))))) {
                for (int i = 0; i < batch.size(); i++) {
                    statement.setObject(i + 1, batch.get(i));
                }
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        terms.computeIfAbsent(rows.getObject(1, UUID.class), id -> new ArrayList<>())
                                .add(new Term(rows.getString(3), SearchField.ofCode(rows.getInt(2))));
                    }
                }
            }
        }
        return terms;
    }

    /** The words' best matches among a transaction's own terms, summed; null unless every word matches. */
    private static Candidate best(List<String> words, UUID id, LocalDate day, List<Term> terms) {
        Candidate sum = null;
        for (String word : words) {
            Candidate best = null;
            for (Term term : terms) {
                if (term.text.startsWith(word)) {
                    int score = score(word, term.text, term.field);
                    if (best == null || score > best.score) {
                        best = new Candidate(id, day, score, term.field, term.field.weight());
                    }
                }
            }
            if (best == null) {
                return null;
            }
            sum = sum == null ? best : sum.and(best);
        }
        return sum;
    }

    private static String newest(List<UUID> clients) {
        return NEWEST.formatted(clients == null ? ""
                : " and client_id in (" + String.join(", ", Collections.nCopies(clients.size(), "?")) + ")");
    }

    /** Runs {@link #NEWEST} (with an offset unless it is negative); returns how many rows it read. */
    private static int newest(PreparedStatement statement, String term, SearchField field, List<UUID> clients,
            int limit, int offset, BiConsumer<UUID, LocalDate> row) throws SQLException {
        int index = 1;
        statement.setString(index++, term);
        statement.setInt(index++, field.code());
        if (clients != null) {
            for (UUID client : clients) {
                statement.setObject(index++, client);
            }
        }
        statement.setInt(index++, limit);
        if (offset >= 0) {
            statement.setInt(index, offset);
        }
        int read = 0;
        try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                read++;
                row.accept(rows.getObject(1, UUID.class), rows.getObject(2, LocalDate.class));
            }
        }
        return read;
    }

    private static List<SearchField> byWeight() {
        List<SearchField> fields = new ArrayList<>(List.of(SearchField.values()));
        fields.sort(Comparator.comparingInt(SearchField::weight).reversed());
        return fields;
    }

    private static int score(String word, String term, SearchField field) {
        return field.weight() * FIELD_FACTOR + (word.equals(term) ? EXACT_BONUS : 0);
    }

    /** UUIDs as the database orders them: both halves unsigned. */
    static int compareIds(UUID a, UUID b) {
        int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
        return high != 0 ? high : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
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

    private record Term(String text, SearchField field) {
    }

    private record Completions(List<String> terms, boolean cut) {
    }

    /** One term's rows in one field, newest first, read a page at a time. */
    private static final class Stream {
        final String term;
        int offset;
        boolean done;
        UUID lastId;
        LocalDate lastDay;

        Stream(String term) {
            this.term = term;
        }
    }

    /** A transaction matching every word so far: the summed score, and the best field it matched in. */
    private record Candidate(UUID id, LocalDate date, int score, SearchField field, int bestWeight) {

        Candidate and(Candidate other) {
            SearchField best = other.bestWeight > bestWeight ? other.field : field;
            return new Candidate(id, date, score + other.score, best, Math.max(bestWeight, other.bestWeight));
        }
    }
}
