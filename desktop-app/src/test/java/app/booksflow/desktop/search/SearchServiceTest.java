package app.booksflow.desktop.search;

import static org.assertj.core.api.Assertions.assertThat;

import app.booksflow.desktop.support.SearchSnapshot;
import app.booksflow.desktop.support.TestBooks;
import app.booksflow.model.id.TransactionId;
import app.booksflow.model.ledger.Split;
import app.booksflow.model.ledger.Transaction;
import app.booksflow.model.ledger.TransactionStatus;
import app.booksflow.model.money.Money;
import app.booksflow.model.practice.Client;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SearchServiceTest {

    @TempDir
    Path dir;
    private TestBooks books;
    private SearchService search;
    private Client acme;
    private Client bistro;

    @BeforeEach
    void open() {
        books = TestBooks.open(dir.resolve("books"));
        search = new SearchService(books.store);
        acme = books.ukClient("Acme Ltd");
        bistro = books.ukClient("Bistro Nord");
    }

    @AfterEach
    void close() {
        books.close();
    }

    private Transaction book(Client client, LocalDate date, String payee, String memo, String gross) {
        Money amount = TestBooks.gbp(gross).negate();
        Transaction transaction = new Transaction(TransactionId.random(), client.id(), date, payee, memo,
                books.account(client.id(), "1000"), amount, TransactionStatus.POSTED,
                List.of(new Split(books.account(client.id(), "6100"), amount, java.util.Optional.empty(), "")));
        books.ledger.transactions().create(transaction, TestBooks.USER);
        return transaction;
    }

    private List<String> payees(String query) {
        return search.search(query).stream().map(SearchHit::payee).toList();
    }

    @Test
    void findsByPayeePrefixAsTheUserTypes() {
        book(acme, LocalDate.of(2025, 5, 1), "Stationery World", "Paper", "12.00");
        book(acme, LocalDate.of(2025, 5, 2), "Station Taxis", "Ride", "8.50");

        assertThat(payees("sta")).containsExactlyInAnyOrder("Stationery World", "Station Taxis");
        assertThat(payees("statione")).containsExactly("Stationery World");
        assertThat(payees("taxi")).containsExactly("Station Taxis");
        assertThat(payees("xyz")).isEmpty();
    }

    @Test
    void findsByMemoWordAndSaysWhichFieldMatched() {
        Transaction lunch = book(acme, LocalDate.of(2025, 5, 1), "Corner Shop", "Team lunch for the auditors", "31.20");

        List<SearchHit> hits = search.search("auditors");

        assertThat(hits).singleElement().satisfies(hit -> {
            assertThat(hit.transaction()).isEqualTo(lunch.id());
            assertThat(hit.field()).isEqualTo(SearchField.MEMO);
            assertThat(hit.client()).isEqualTo(acme.id());
            assertThat(hit.clientName()).isEqualTo("Acme Ltd");
            assertThat(hit.total()).isEqualTo(TestBooks.gbp("-31.20"));
            assertThat(hit.date()).isEqualTo(LocalDate.of(2025, 5, 1));
            assertThat(hit.memo()).isEqualTo("Team lunch for the auditors");
        });
    }

    @Test
    void findsAmountsTypedInEitherConvention() {
        book(acme, LocalDate.of(2025, 5, 1), "Big Supplier", "", "1234.56");
        book(acme, LocalDate.of(2025, 5, 2), "Small Supplier", "", "120.00");

        for (String typed : List.of("1234.56", "1,234.56", "1.234,56", "1234,56", "1234", "1.234", "1,234")) {
            assertThat(payees(typed)).as(typed).containsExactly("Big Supplier");
        }
        assertThat(payees("120")).containsExactly("Small Supplier");
        assertThat(payees("12")).containsExactlyInAnyOrder("Big Supplier", "Small Supplier");
        assertThat(search.search("120").getFirst().field()).isEqualTo(SearchField.AMOUNT);
    }

    @Test
    void ignoresCaseAndAccents() {
        book(acme, LocalDate.of(2025, 5, 1), "Café Ünïcode", "Crème brûlée", "4.00");

        assertThat(payees("cafe")).containsExactly("Café Ünïcode");
        assertThat(payees("CAFÉ")).containsExactly("Café Ünïcode");
        assertThat(payees("unicode creme brul")).containsExactly("Café Ünïcode");
    }

    @Test
    void everyWordMustMatchSoMoreWordsNarrow() {
        book(acme, LocalDate.of(2025, 5, 1), "Office Depot", "Printer paper", "20.00");
        book(acme, LocalDate.of(2025, 5, 2), "Office Depot", "Desk chairs", "250.00");
        book(acme, LocalDate.of(2025, 5, 3), "Paper Mill", "Boxes", "20.00");

        assertThat(payees("office")).hasSize(2);
        assertThat(payees("office pap")).containsExactly("Office Depot");
        assertThat(payees("paper 20")).containsExactlyInAnyOrder("Office Depot", "Paper Mill");
        assertThat(payees("office chairs 20")).isEmpty();
    }

    @Test
    void ranksPayeeOverMemoExactOverPrefixThenNewerFirst() {
        Transaction memoOnly = book(acme, LocalDate.of(2025, 6, 1), "Hardware Store", "Cable for the router", "9.00");
        Transaction payeePrefix = book(acme, LocalDate.of(2025, 3, 1), "Cables Direct", "", "15.00");
        Transaction payeeExactOld = book(acme, LocalDate.of(2025, 1, 1), "Cable Co", "", "11.00");
        Transaction payeeExactNew = book(bistro, LocalDate.of(2025, 4, 1), "Cable Co", "", "11.00");

        List<TransactionId> ranked = search.search("cable").stream().map(SearchHit::transaction).toList();

        assertThat(ranked).containsExactly(payeeExactNew.id(), payeeExactOld.id(), payeePrefix.id(), memoOnly.id());
    }

    @Test
    void blankQueriesFindNothingAndTheLimitHolds() {
        for (int i = 0; i < 5; i++) {
            book(acme, LocalDate.of(2025, 5, 1 + i), "Courier " + i, "", "5.00");
        }

        assertThat(search.search("")).isEmpty();
        assertThat(search.search("   ")).isEmpty();
        assertThat(search.search("-- ,")).isEmpty();
        assertThat(search.search("courier", null, 3)).hasSize(3);
    }

    @Test
    void editsAndDeletesAreSearchableAtOnce() {
        Transaction original = book(acme, LocalDate.of(2025, 5, 1), "Old Name Ltd", "first memo", "10.00");
        Transaction renamed = new Transaction(original.id(), original.client(), original.date(), "New Name Ltd",
                "second memo", original.bankAccount(), TestBooks.gbp("-77.00"), original.status(), List.of(
                        new Split(original.splits().getFirst().account(), TestBooks.gbp("-77.00"),
                                java.util.Optional.empty(), "")));
        long version = books.ledger.transactions().find(original.id()).orElseThrow().version();

        books.ledger.transactions().edit(renamed, version, TestBooks.USER);

        assertThat(payees("old")).isEmpty();
        assertThat(payees("first")).isEmpty();
        assertThat(payees("10")).isEmpty();
        assertThat(payees("new second 77")).containsExactly("New Name Ltd");

        books.ledger.transactions().delete(original.id(), TestBooks.USER);

        assertThat(payees("new")).isEmpty();
        assertThat(SearchSnapshot.of(books.store).rows()).isEmpty();
    }

    @Test
    void searchesAllClientsOrOnlyTheVisibleOnes() {
        book(acme, LocalDate.of(2025, 5, 1), "Shared Supplier", "", "10.00");
        book(bistro, LocalDate.of(2025, 5, 1), "Shared Supplier", "", "10.00");

        assertThat(search.search("shared")).extracting(SearchHit::client)
                .containsExactlyInAnyOrder(acme.id(), bistro.id());
        assertThat(search.search("shared", Set.of(bistro.id()), 50)).extracting(SearchHit::client)
                .containsExactly(bistro.id());
        assertThat(search.search("shared", Set.of(), 50)).isEmpty();
    }

    @Test
    void aRebuildEqualsTheIncrementalIndex() {
        book(acme, LocalDate.of(2025, 5, 1), "Alpha", "one two", "1.00");
        book(bistro, LocalDate.of(2025, 5, 2), "Beta", "three", "2000.00");

        SearchSnapshot[] snapshots = SearchSnapshot.incrementalAndRebuilt(books.store);

        assertThat(snapshots[0].rows()).isNotEmpty().containsExactlyElementsOf(snapshots[1].rows());
    }

    @Test
    void aWordIsLookedUpThroughTheTermIndex() {
        String plan = books.store.read(session -> session.doReturningWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("explain " + SearchService.TERMS)) {
                statement.setString(1, "caf");
                statement.setString(2, "caf\uFFFF");
                try (ResultSet rows = statement.executeQuery()) {
                    rows.next();
                    return rows.getString(1);
                }
            }
        }));

        assertThat(plan).containsIgnoringCase("SEARCH_TERMS_BY_TERM").doesNotContainIgnoringCase("tableScan");
    }

    @Test
    void booksKeptBeforeSearchExistedAreIndexedWhenOpened() {
        book(acme, LocalDate.of(2025, 5, 1), "Legacy Supplier", "from an older version", "42.00");
        // Puts the store back as the previous version left it: no terms, and the filling migration not applied
        // (nor the later ones, which are re-runnable).
        books.store.runInTransaction(session -> session.doWork(connection -> {
            try (PreparedStatement terms = connection.prepareStatement("delete from search_terms");
                    PreparedStatement history = connection.prepareStatement(
                            "delete from \"flyway_schema_history\" where \"installed_rank\" >= (select \"installed_rank\""
                                    + " from \"flyway_schema_history\" where \"version\" = ?)")) {
                terms.executeUpdate();
                history.setString(1, "3");
                assertThat(history.executeUpdate()).isGreaterThanOrEqualTo(1);
            }
        }));
        assertThat(payees("legacy")).isEmpty();
        books.close();

        books = TestBooks.open(dir.resolve("books"));
        search = new SearchService(books.store);

        assertThat(payees("legacy older 42")).containsExactly("Legacy Supplier");
    }
}
