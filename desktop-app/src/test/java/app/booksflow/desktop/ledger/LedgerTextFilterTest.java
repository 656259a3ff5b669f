package app.booksflow.desktop.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import app.booksflow.desktop.support.TestBooks;
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
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ledger's text filter read through the search index's terms, by term (a rare word), by day from
 * the term index alone (one word in date order) or row by row (a common one), against a plain reading of its definition over seeded random books: each word of the
 * text starts a word of the payee or memo, ignoring case and accents; text with anything but letters,
 * digits and spaces must also appear as typed in the payee or memo, ignoring case (its words find the
 * candidates); text without any letter or digit is only looked for as typed.
 */
class LedgerTextFilterTest {

    private static final List<String> VOCABULARY = List.of("Pannier", "Ltd", "Ltda", "Café", "cafe", "Blanc",
            "paper", "Papier", "Zed", "Wholesale", "rent", "Rental", "ÉCOLE", "école", "Tesco", "co-op", "O'Brien",
            "A4", "42", "4200", "x7b", "Ünal", "unal", "&", "Harbour", "Lettings", "Bakery", "bake", "Ltd.", "50%",
            "5000", "a_b", "ab", "back\\slash", "Café.", "Xltd.", "(Rent)", "rent-free");

    @TempDir
    Path dir;

    private TestBooks books;
    private Client client;
    private final List<Transaction> ledger = new ArrayList<>();

    @BeforeEach
    void setUp() {
        books = TestBooks.open(dir.resolve("data"));
        client = books.ukClient("Hill Street Bakery");
        Client other = books.ukClient("Acorn Joinery");
        Random random = new Random(20_251_126L);
        for (int i = 0; i < 160; i++) {
            Client whose = i % 8 == 7 ? other : client;
            Money amount = Money.ofMinor(-(1 + random.nextInt(100_000)), TestBooks.gbp("1.00").currency());
            LocalDate date = LocalDate.of(2025, 1, 1).plusDays(random.nextInt(365));
            Transaction transaction = new Transaction(TransactionId.random(), whose.id(), date, phrase(random, 1, 3),
                    phrase(random, 0, 4), books.account(whose.id(), "1000"), amount,
                    TransactionStatus.POSTED,
                    List.of(Split.of(books.account(whose.id(), "6000"), amount)));
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

    private static String phrase(Random random, int min, int max) {
        int words = min + random.nextInt(max - min + 1);
        List<String> chosen = new ArrayList<>();
        for (int i = 0; i < words; i++) {
            chosen.add(VOCABULARY.get(random.nextInt(VOCABULARY.size())));
        }
        return String.join(random.nextBoolean() ? " " : ", ", chosen);
    }

    @Test
    void byTermAndRowByRowFindWhatTheDefinitionSays() {
        Random random = new Random(7);
        List<String> texts = new ArrayList<>(List.of("ltd", "LTD", "cafe", "CAFÉ", "ecole", "un", "42", "4", "a4",
                "x7", "pan ltd", "ltd pan", "zed zed", "nothing", "co-op", "o'b", "&", "r l", "ESCO", "a ab",
                // Punctuation: the words find the candidates, the text as typed must appear; LIKE's own
                // characters are plain characters; text without a letter or digit is read row by row.
                "ltd.", "LTD.", "td.", "ltd. c", "café.", "cafe.", "CAFÉ.", "(rent", "rent)", "rent-", "-free", "50%",
                "5%", "50_", "a_b", "a_", "a%b", "back\\s", "k\\s", "\\", "%", "_", ".", "&", "o'", "ltd,",
                "zed, ", ", zed", "nothing.", "x.", "é."));
        for (int i = 0; i < 20; i++) {
            String word = VOCABULARY.get(random.nextInt(VOCABULARY.size()));
            String prefix = word.substring(0, 1 + random.nextInt(word.length()));
            texts.add(random.nextBoolean() ? prefix.toUpperCase(Locale.ROOT) : prefix);
            String second = VOCABULARY.get(random.nextInt(VOCABULARY.size()));
            texts.add(prefix + " " + second.substring(0, 1 + random.nextInt(second.length())));
        }
        LedgerPages byTerm = new LedgerPages(books.store, Integer.MAX_VALUE - 1, -1, -1);
        LedgerPages rowByRow = new LedgerPages(books.store, -1, -1, -1);
        LedgerPages byDay = new LedgerPages(books.store, -1, Integer.MAX_VALUE - 1, -1);
        // Gathered from the index by client and read by id: in any order but date, or with an amount filter.
        LedgerPages gathered = new LedgerPages(books.store, -1, -1, Integer.MAX_VALUE - 1);
        LedgerPages chosen = new LedgerPages(books.store, 5, 20, 40);
        for (String text : texts) {
            Set<TransactionId> expected = new HashSet<>();
            for (Transaction transaction : ledger) {
                if (matches(text, transaction)) {
                    expected.add(transaction.id());
                }
            }
            for (LedgerQuery query : List.of(LedgerQuery.of(client.id()).containing(text),
                    LedgerQuery.of(client.id()).containing(text).sortedBy(LedgerSort.PAYEE, true),
                    LedgerQuery.of(client.id()).containing(text).sortedBy(LedgerSort.ACCOUNT, false)
                            .between(LocalDate.of(2025, 3, 1), LocalDate.of(2025, 9, 30)),
                    LedgerQuery.of(client.id()).containing(text).sortedBy(LedgerSort.DATE, false)
                            .between(LocalDate.of(2025, 3, 1), LocalDate.of(2025, 9, 30)),
                    LedgerQuery.of(client.id()).containing(text).amountsBetween(20_000L, 80_000L)
                            .between(LocalDate.of(2025, 2, 1), null),
                    LedgerQuery.of(client.id()).containing(text).sortedBy(LedgerSort.AMOUNT, true)
                            .between(null, LocalDate.of(2025, 10, 31)))) {
                List<TransactionId> terms = ids(byTerm, query);
                assertThat(ids(rowByRow, query)).as("text '%s' row by row", text).isEqualTo(terms);
                assertThat(ids(byDay, query)).as("text '%s' by day", text).isEqualTo(terms);
                assertThat(ids(gathered, query)).as("text '%s' gathered", text).isEqualTo(terms);
                assertThat(ids(chosen, query)).as("text '%s'", text).isEqualTo(terms);
                for (LedgerPages pages : List.of(byTerm, rowByRow, byDay, gathered)) {
                    assertThat(pages.rows(query, 2, 3)).extracting(LedgerRow::id).as("text '%s' from the third", text)
                            .isEqualTo(terms.subList(Math.min(2, terms.size()), Math.min(5, terms.size())));
                }
                Set<TransactionId> wanted = new HashSet<>(expected);
                wanted.removeIf(id -> ledger.stream().filter(t -> t.id().equals(id)).findFirst()
                        .map(t -> query.from().map(t.date()::isBefore).orElse(false)
                                || query.to().map(t.date()::isAfter).orElse(false)
                                || query.minAmountMinor().map(min -> Math.abs(t.total().minorUnits()) < min).orElse(false)
                                || query.maxAmountMinor().map(max -> Math.abs(t.total().minorUnits()) > max).orElse(false))
                        .orElseThrow());
                assertThat(new HashSet<>(terms)).as("text '%s'", text).isEqualTo(wanted);
                assertThat(byTerm.count(query)).isEqualTo(wanted.size());
                assertThat(rowByRow.count(query)).isEqualTo(wanted.size());
                assertThat(byDay.count(query)).isEqualTo(wanted.size());
                assertThat(gathered.count(query)).isEqualTo(wanted.size());
                assertThat(chosen.count(query)).isEqualTo(wanted.size());
            }
        }
    }

    @Test
    void wordsMatchTheStartOfWordsAndOtherTextIsFoundAsItIs() {
        LedgerPages pages = new LedgerPages(books.store);
        Transaction tesco = books.ledger.transactions().create(new Transaction(TransactionId.random(), client.id(),
                LocalDate.of(2025, 5, 1), "Tesco Stores", "Co-op dividend, café", books.account(client.id(), "1000"),
                TestBooks.gbp("-1.00"), TransactionStatus.POSTED,
                List.of(Split.of(books.account(client.id(), "6000"), TestBooks.gbp("-1.00")))),
                TestBooks.USER).transaction();
        LedgerQuery all = LedgerQuery.of(client.id());
        assertThat(ids(pages, all.containing("tesc"))).contains(tesco.id());
        assertThat(ids(pages, all.containing("stores tes"))).contains(tesco.id());
        assertThat(ids(pages, all.containing("CAFE"))).contains(tesco.id());
        // Inside a word is not the start of one: a word query does not find it.
        assertThat(ids(pages, all.containing("esco"))).doesNotContain(tesco.id());
        // Punctuation makes it text to find as it is.
        assertThat(ids(pages, all.containing("co-op d"))).containsExactly(tesco.id());
        assertThat(ids(pages, all.containing("esco stores"))).doesNotContain(tesco.id());
        assertThat(ids(pages, all.containing("dividend, caf"))).containsExactly(tesco.id());
        // With punctuation the text must appear as typed and its words must start words: "ividend" starts none.
        assertThat(ids(pages, all.containing("op dividend,"))).containsExactly(tesco.id());
        assertThat(ids(pages, all.containing("ividend,"))).isEmpty();
        assertThat(ids(pages, all.containing("dividend, café"))).containsExactly(tesco.id());
        assertThat(ids(pages, all.containing("dividend,café"))).isEmpty();
        assertThat(ids(pages, all.containing("co-o"))).contains(tesco.id());
        assertThat(ids(pages, all.containing("o-op"))).as("'o' starts 'op', and 'o-op' is in the text")
                .contains(tesco.id());
        assertThat(ids(pages, all.containing("p d"))).doesNotContain(tesco.id());
        assertThat(ids(pages, all.containing("p-d"))).isEmpty();
        assertThat(pages.count(all.containing("co-op d"))).isEqualTo(1);
    }

    private static List<TransactionId> ids(LedgerPages pages, LedgerQuery query) {
        return pages.rows(query, 0, LedgerPages.MAX_LIMIT).stream().map(LedgerRow::id).toList();
    }

    /** The definition, written out independently of the index. */
    private static boolean matches(String text, Transaction transaction) {
        String stripped = text.strip();
        if (stripped.isEmpty()) {
            return true;
        }
        if (!stripped.matches("[\\p{L}\\p{N}\\s]+")) {
            // As typed, and (when it has any) each of its words starts a word, as below.
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
