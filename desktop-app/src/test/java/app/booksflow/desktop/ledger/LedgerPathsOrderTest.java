package app.booksflow.desktop.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import app.booksflow.desktop.support.TestBooks;
import app.booksflow.model.id.AccountId;
import app.booksflow.model.id.TransactionId;
import app.booksflow.model.ledger.Split;
import app.booksflow.model.ledger.Transaction;
import app.booksflow.model.ledger.TransactionStatus;
import app.booksflow.model.money.Money;
import app.booksflow.model.practice.Client;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every way of reading a filtered page (row by row, a word by term, by day or gathered, text as typed found
 * through the distinct payees and memos, with the rows of those values gathered or checked row by row, a
 * word's first page in payee order read payee by payee) gives the rows and the order of a plain reading of
 * the definition over generated books, in every order and direction: payees and memos repeat (as in real
 * books), hold punctuation, LIKE's characters % _ \ and accents, and dates, amounts, payees and accounts
 * tie so that the tiebreaks (date, then id) count.
 */
class LedgerPathsOrderTest {

    private static final List<String> PAYEES = List.of("Pannier Ltd.", "Café Blanc", "Co-op", "O'Brien & Sons",
            "50% Off_Shop", "back\\slash Ltd", "Ünal-Bakery", "Amazon Business", "amazon.co.uk", "Card Takings",
            "ÉCOLE (Rent)", "Stripe", "Zed", "A4 Paper Co");
    private static final List<String> MEMOS = List.of("Card takings", "Card takings, evening", "Hotel, 1 night",
            "rent-free", "a_b", "A4 paper", "", "Supplier invoice", "Cash takings", "100% done", "école d'été",
            "back\\slash", "Batteries and cables", "Takeaway");
    private static final List<String> CODES = List.of("6000", "6100", "6200", "7300");
    private static final List<String> TEXTS = List.of("card takings,", "-", "card takings", "a", "ltd.", "%", "_",
            "\\", "a_b", "50%", "0%", "é", "café.", "é.", "co-op", "(rent", "nothing-here", ",", "hotel, 1",
            "amazon.", "takings, ev", "", "ü", "ÜNAL-", "'", "d'é", "ltd", "takings", "a4", "0% o", "zed.");

    @TempDir
    Path dir;

    private TestBooks books;
    private Client client;
    private AccountId filterAccount;
    private final List<Transaction> ledger = new ArrayList<>();
    private final Map<AccountId, String> accountNames = new HashMap<>();

    @BeforeEach
    void setUp() {
        books = TestBooks.open(dir.resolve("data"));
        client = books.ukClient("Hill Street Bakery");
        Client other = books.ukClient("Acorn Joinery");
        for (String code : CODES) {
            books.ledger.accounts().chart(client.id()).byCode(code)
                    .ifPresent(account -> accountNames.put(account.id(), account.name()));
        }
        filterAccount = books.account(client.id(), "6100");
        Random random = new Random(20_261_126L);
        for (int i = 0; i < 120; i++) {
            Client whose = i % 9 == 8 ? other : client;
            // Few dates, amounts, payees and memos: ties everywhere.
            long minor = (1 + random.nextInt(12)) * 500L * (random.nextInt(4) == 0 ? 1 : -1);
            Money amount = Money.ofMinor(minor, TestBooks.gbp("1.00").currency());
            LocalDate date = LocalDate.of(2024, 11, 1).plusDays(random.nextInt(40) * 11L);
            String memo = random.nextInt(5) == 0 ? "Mailchimp subscription " + i : MEMOS.get(random.nextInt(MEMOS.size()));
            Transaction transaction = new Transaction(TransactionId.random(), whose.id(), date,
                    PAYEES.get(random.nextInt(PAYEES.size())), memo, books.account(whose.id(), "1000"), amount,
                    TransactionStatus.POSTED,
                    List.of(Split.of(books.account(whose.id(), CODES.get(random.nextInt(CODES.size()))), amount)));
            books.ledger.transactions().create(transaction, TestBooks.USER);
            if (whose.equals(client)) {
                ledger.add(transaction);
            }
        }
    }

    @AfterEach
    void close() {
        books.close();
    }

    @Test
    void everyPathGivesThePlainReadingsRowsInEveryOrder() {
        int most = Integer.MAX_VALUE - 1;
        Map<String, LedgerPages> paths = new java.util.LinkedHashMap<>();
        paths.put("chosen", new LedgerPages(books.store));
        paths.put("row by row", new LedgerPages(books.store, -1, -1, -1, -1));
        paths.put("word by term", new LedgerPages(books.store, most, -1, -1, -1));
        paths.put("word by day", new LedgerPages(books.store, -1, most, -1, -1));
        paths.put("word gathered", new LedgerPages(books.store, -1, -1, most, -1));
        paths.put("typed, rows gathered", new LedgerPages(books.store, -1, -1, most, most));
        paths.put("typed, then row by row", new LedgerPages(books.store, -1, -1, -1, most));
        paths.put("too many distinct values", new LedgerPages(books.store, 5, 20, 40, 3));
        paths.put("word gathered, by payee", new LedgerPages(books.store, -1, -1, most, most, 0));
        paths.put("word gathered, not by payee", new LedgerPages(books.store, -1, -1, most, most, Integer.MAX_VALUE));
        LedgerQuery all = LedgerQuery.of(client.id());
        List<LedgerQuery> shapes = new ArrayList<>();
        int shape = 0;
        for (LedgerSort sort : LedgerSort.values()) {
            for (boolean descending : List.of(false, true)) {
                LedgerQuery ordered = all.sortedBy(sort, descending);
                shapes.add(switch (shape++ % 4) {
                    case 0 -> ordered;
                    case 1 -> ordered.between(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 9, 30));
                    case 2 -> ordered.amountsBetween(2_000L, null);
                    default -> ordered.onAccount(filterAccount).between(LocalDate.of(2025, 2, 1), null);
                });
                shapes.add(ordered);
            }
        }
        int nonEmpty = 0;
        for (String text : TEXTS) {
            for (LedgerQuery shapeQuery : shapes) {
                LedgerQuery query = shapeQuery.containing(text);
                List<TransactionId> expected = plain(query);
                nonEmpty += expected.isEmpty() ? 0 : 1;
                for (Map.Entry<String, LedgerPages> path : paths.entrySet()) {
                    String as = "'%s' %s%s %s, %s".formatted(text, query.sort(), query.descending() ? " desc" : "",
                            shapeQuery, path.getKey());
                    LedgerPages pages = path.getValue();
                    assertThat(ids(pages.rows(query, 0, LedgerPages.MAX_LIMIT))).as(as).isEqualTo(expected);
                    // A first page that ends inside a payee's rows, or between a payee's and another's.
                    for (int limit : List.of(1, 3, 7)) {
                        assertThat(ids(pages.rows(query, 0, limit))).as(as + ", first " + limit)
                                .isEqualTo(expected.subList(0, Math.min(limit, expected.size())));
                    }
                    LedgerPage page = pages.page(query, 1, 3);
                    assertThat(ids(page.rows())).as(as + ", page from the second")
                            .isEqualTo(expected.subList(Math.min(1, expected.size()), Math.min(4, expected.size())));
                    assertThat(page.totalCount()).as(as + ", count").isEqualTo(expected.size());
                    assertThat(pages.count(query)).as(as + ", count alone").isEqualTo(expected.size());
                    if (!expected.isEmpty()) {
                        assertThat(pages.positionOf(query, expected.getLast())).as(as + ", position")
                                .isEqualTo(expected.size() - 1);
                    }
                }
            }
        }
        // The data must exercise both outcomes: texts that match some rows and texts that match none.
        assertThat(nonEmpty).isGreaterThan(TEXTS.size() * shapes.size() / 3);
        assertThat(plain(all.containing("card takings,"))).isNotEmpty();
        assertThat(plain(all.containing("-"))).isNotEmpty();
        assertThat(plain(all.containing("nothing-here"))).isEmpty();
    }

    @Test
    void textNoPayeeOrMemoHoldsMatchesNothingAndAnEditIsSeenAtOnce() {
        LedgerPages pages = new LedgerPages(books.store);
        LedgerQuery dash = LedgerQuery.of(client.id()).containing("--").sortedBy(LedgerSort.PAYEE, true);
        assertThat(pages.page(dash, 0, 200).rows()).isEmpty();
        assertThat(pages.count(dash)).isZero();
        Transaction created = books.ledger.transactions().create(new Transaction(TransactionId.random(), client.id(),
                LocalDate.of(2025, 3, 3), "Tesco -- Metro", "", books.account(client.id(), "1000"),
                TestBooks.gbp("-4.20"), TransactionStatus.POSTED,
                List.of(Split.of(books.account(client.id(), "6100"), TestBooks.gbp("-4.20")))), TestBooks.USER)
                .transaction();
        assertThat(ids(pages.page(dash, 0, 200).rows())).containsExactly(created.id());
        assertThat(ids(pages.rows(LedgerQuery.of(client.id()).containing("tesco --"), 0, 200)))
                .containsExactly(created.id());
        // Another client's payee holding the text is not this client's.
        Client other = books.ukClient("Acorn Joinery 2");
        books.ledger.transactions().create(new Transaction(TransactionId.random(), other.id(),
                LocalDate.of(2025, 3, 3), "Only -+- here", "", books.account(other.id(), "1000"),
                TestBooks.gbp("-1.00"), TransactionStatus.POSTED,
                List.of(Split.of(books.account(other.id(), "6100"), TestBooks.gbp("-1.00")))), TestBooks.USER);
        assertThat(pages.count(LedgerQuery.of(client.id()).containing("-+-"))).isZero();
        assertThat(pages.count(LedgerQuery.of(other.id()).containing("-+-"))).isEqualTo(1);
    }

    @Test
    void theLongestPayeesAndMemosAreSteppedOverToo() {
        LedgerPages pages = new LedgerPages(books.store);
        // The step to the next distinct value looks for a string one character longer than the column holds.
        String payee = "Z".repeat(199) + "-";
        String memo = "m".repeat(1_999) + ",";
        Transaction longest = books.ledger.transactions().create(new Transaction(TransactionId.random(), client.id(),
                LocalDate.of(2025, 3, 3), payee, memo, books.account(client.id(), "1000"), TestBooks.gbp("-4.20"),
                TransactionStatus.POSTED, List.of(Split.of(books.account(client.id(), "6100"), TestBooks.gbp("-4.20")))),
                TestBooks.USER).transaction();
        ledger.add(longest);
        for (String text : List.of("z-", "zz-", "m,", "mm,", "-", ",", "%", "z-q")) {
            for (LedgerSort sort : LedgerSort.values()) {
                LedgerQuery query = LedgerQuery.of(client.id()).containing(text).sortedBy(sort, true);
                assertThat(ids(pages.rows(query, 0, LedgerPages.MAX_LIMIT))).as("'%s' %s", text, sort)
                        .isEqualTo(plain(query));
            }
        }
        assertThat(ids(pages.rows(LedgerQuery.of(client.id()).containing("z-"), 0, 10))).containsExactly(longest.id());
    }

    @Test
    void aPayeeWrittenInTurkishIsFoundInPayeeOrderLikeAnyOther() {
        // A Turkish JVM lowers "IKEA" to "ıkea"; the books' key does not follow it (TextKeys), so the row, its
        // terms and the word typed all say "ikea istanbul".
        Transaction ikea = createInTurkish("IKEA Istanbul", "6100");
        assertThat(payeeKeyOf(ikea.id())).isEqualTo("ikea istanbul");
        assertThat(termPayeesOf(ikea.id())).containsOnly("ikea istanbul");
        LedgerPages gathered = new LedgerPages(books.store, -1, -1, Integer.MAX_VALUE - 1, -1);
        LedgerPages byPayee = new LedgerPages(books.store, -1, -1, Integer.MAX_VALUE - 1, Integer.MAX_VALUE - 1, 0);
        for (boolean descending : List.of(false, true)) {
            LedgerQuery query = LedgerQuery.of(client.id()).containing("i").sortedBy(LedgerSort.PAYEE, descending);
            List<TransactionId> expected = ids(gathered.rows(query, 0, LedgerPages.MAX_LIMIT));
            assertThat(expected).contains(ikea.id());
            assertThat(ids(byPayee.rows(query, 0, LedgerPages.MAX_LIMIT))).isEqualTo(expected);
        }
    }

    @Test
    void termsNamingAPayeeNoTransactionHasAreNotTrusted() {
        Transaction ikea = createInTurkish("IKEA", "7300");
        // Terms that name a payee no row has (books changed by hand, or a key written by an older version):
        // the first page in payee order still holds every match.
        books.store.runInTransaction(session -> session.createNativeMutationQuery(
                "update search_terms set payee_key = 'ıkea' where transaction_id = :id")
                .setParameter("id", ikea.id().value()).executeUpdate());
        Transaction takings = ledger.stream().filter(t -> t.memo().startsWith("Cash takings")).findFirst().orElseThrow();
        books.store.runInTransaction(session -> session.createNativeMutationQuery(
                "update search_terms set payee_key = 'nobody' where transaction_id = :id")
                .setParameter("id", takings.id().value()).executeUpdate());
        LedgerPages gathered = new LedgerPages(books.store, -1, -1, Integer.MAX_VALUE - 1, -1);
        LedgerPages byPayee = new LedgerPages(books.store, -1, -1, Integer.MAX_VALUE - 1, Integer.MAX_VALUE - 1, 0);
        for (String text : List.of("i", "ta")) {
            for (boolean descending : List.of(false, true)) {
                LedgerQuery query = LedgerQuery.of(client.id()).containing(text).sortedBy(LedgerSort.PAYEE, descending);
                List<TransactionId> expected = ids(gathered.rows(query, 0, LedgerPages.MAX_LIMIT));
                assertThat(expected).contains(text.equals("i") ? ikea.id() : takings.id());
                assertThat(ids(byPayee.rows(query, 0, LedgerPages.MAX_LIMIT))).as(text).isEqualTo(expected);
            }
        }
    }

    /** A transaction of the client with the payee, booked to the account, written in a Turkish JVM. */
    private Transaction createInTurkish(String payee, String accountCode) {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag("tr-TR"));
            return books.ledger.transactions().create(new Transaction(TransactionId.random(), client.id(),
                    LocalDate.of(2025, 3, 3), payee, "", books.account(client.id(), "1000"), TestBooks.gbp("-9.99"),
                    TransactionStatus.POSTED, List.of(Split.of(books.account(client.id(), accountCode),
                            TestBooks.gbp("-9.99")))), TestBooks.USER).transaction();
        } finally {
            Locale.setDefault(before);
        }
    }

    private String payeeKeyOf(TransactionId id) {
        return books.store.read(session -> session.createNativeQuery(
                "select payee_key from transactions where id = :id", String.class)
                .setParameter("id", id.value()).getSingleResult());
    }

    private List<String> termPayeesOf(TransactionId id) {
        return books.store.read(session -> session.createNativeQuery(
                "select payee_key from search_terms where transaction_id = :id and field = 0", String.class)
                .setParameter("id", id.value()).getResultList());
    }

    /** The definition read plainly over the generated rows, sorted by the order's key, then date, then id. */
    private List<TransactionId> plain(LedgerQuery query) {
        Comparator<Transaction> byKey = switch (query.sort()) {
            case DATE -> Comparator.comparing(Transaction::date);
            case PAYEE -> Comparator.comparing(t -> t.payee().toLowerCase(Locale.ROOT));
            case AMOUNT -> Comparator.comparingLong(t -> t.total().minorUnits());
            case ACCOUNT -> Comparator.comparing(t -> accountNames.get(t.splits().getFirst().account()));
        };
        Comparator<Transaction> order = byKey.thenComparing(Transaction::date)
                .thenComparing((a, b) -> unsigned(a.id().value(), b.id().value()));
        if (query.descending()) {
            order = order.reversed();
        }
        return ledger.stream()
                .filter(t -> query.from().map(from -> !t.date().isBefore(from)).orElse(true))
                .filter(t -> query.to().map(to -> !t.date().isAfter(to)).orElse(true))
                .filter(t -> query.minAmountMinor().map(min -> Math.abs(t.total().minorUnits()) >= min).orElse(true))
                .filter(t -> query.maxAmountMinor().map(max -> Math.abs(t.total().minorUnits()) <= max).orElse(true))
                .filter(t -> query.account().map(account -> t.bankAccount().equals(account)
                        || t.splits().stream().anyMatch(s -> s.account().equals(account))).orElse(true))
                .filter(t -> matches(query.text(), t))
                .sorted(order).map(Transaction::id).toList();
    }

    private static int unsigned(UUID a, UUID b) {
        int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
        return high != 0 ? high : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
    }

    private static List<TransactionId> ids(List<LedgerRow> rows) {
        return rows.stream().map(LedgerRow::id).toList();
    }

    /** Each word starts a word of the payee or memo; text with anything else also appears as typed, ignoring case. */
    private static boolean matches(String text, Transaction transaction) {
        String stripped = text.strip();
        if (stripped.isEmpty()) {
            return true;
        }
        if (!stripped.matches("[\\p{L}\\p{N}\\s]+")) {
            String needle = stripped.toLowerCase(Locale.ROOT);
            if (!transaction.payee().toLowerCase(Locale.ROOT).contains(needle)
                    && !transaction.memo().toLowerCase(Locale.ROOT).contains(needle)) {
                return false;
            }
        }
        List<String> words = new ArrayList<>(words(transaction.payee()));
        words.addAll(words(transaction.memo()));
        for (String wanted : words(stripped)) {
            if (words.stream().noneMatch(word -> word.startsWith(wanted))) {
                return false;
            }
        }
        return true;
    }

    /** Lower case, accents dropped, split at anything but a letter or digit, and a word's leading digits apart. */
    private static List<String> words(String text) {
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "")
                .toLowerCase(Locale.ROOT);
        List<String> words = new ArrayList<>();
        for (String run : folded.split("[^\\p{L}\\p{N}]+")) {
            int letter = 0;
            while (letter < run.length() && Character.isDigit(run.charAt(letter))) {
                letter++;
            }
            words.add(run.substring(0, letter));
            words.add(run.substring(letter));
        }
        words.removeIf(String::isEmpty);
        return words;
    }
}
