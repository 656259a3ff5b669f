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

    private Transaction book(Client client, LocalDate date, String payee, String memo, String splitMemo,
            String gross) {
        Money amount = TestBooks.gbp(gross).negate();
        Transaction transaction = new Transaction(TransactionId.random(), client.id(), date, payee, memo,
                books.account(client.id(), "1000"), amount, TransactionStatus.POSTED,
                List.of(new Split(books.account(client.id(), "6100"), amount, java.util.Optional.empty(), splitMemo)));
        books.ledger.transactions().create(transaction, TestBooks.USER);
        return transaction;
    }

    private List<TransactionId> ids(SearchService service, String query, int limit) {
        return service.search(query, null, limit).stream().map(SearchHit::transaction).toList();
    }

    @Test
    void ranksEveryTierInOrderAndTheLimitCutsAcrossTiers() {
        LocalDate day = LocalDate.of(2025, 5, 1);
        Transaction amountPrefix = book(acme, day.plusDays(9), "Shop", "", "", "3031.00");
        Transaction amountExact = book(acme, day.plusDays(8), "Shop", "", "", "303.00");
        Transaction splitPrefix = book(acme, day.plusDays(7), "Shop", "", "ref 3030", "1.00");
        Transaction splitExact = book(acme, day.plusDays(6), "Shop", "", "ref 303", "1.00");
        Transaction memoPrefix = book(bistro, day.plusDays(5), "Shop", "room 3031", "", "1.00");
        Transaction memoExact = book(acme, day.plusDays(4), "Shop", "room 303", "", "1.00");
        Transaction payeePrefix = book(acme, day.plusDays(3), "Unit 3035", "", "", "1.00");
        Transaction payeeExactOld = book(acme, day.plusDays(1), "Unit 303", "", "", "1.00");
        Transaction payeeExactNew = book(bistro, day.plusDays(2), "Unit 303", "", "", "1.00");
        List<TransactionId> all = List.of(payeeExactNew.id(), payeeExactOld.id(), payeePrefix.id(), memoExact.id(),
                memoPrefix.id(), splitExact.id(), splitPrefix.id(), amountExact.id(), amountPrefix.id());

        assertThat(ids(search, "303", 50)).containsExactlyElementsOf(all);
        assertThat(search.search("303").stream().map(SearchHit::score).toList())
                .containsExactly(9, 9, 8, 7, 6, 5, 4, 3, 2);
        for (int limit = 1; limit <= all.size(); limit++) {
            assertThat(ids(search, "303", limit)).as("limit " + limit).containsExactlyElementsOf(all.subList(0, limit));
        }
    }

    @Test
    void sameDayTiesFollowTheIdsAndTheLimitTakesTheFirstOfThem() {
        List<TransactionId> booked = new java.util.ArrayList<>();
        for (int i = 0; i < 12; i++) {
            booked.add(book(i % 2 == 0 ? acme : bistro, LocalDate.of(2025, 5, 1), "Courier", "", "5.00").id());
        }
        List<TransactionId> byId = booked.stream()
                .sorted((a, b) -> SearchService.compareIds(a.value(), b.value())).toList();

        assertThat(ids(search, "courier", 50)).containsExactlyElementsOf(byId);
        assertThat(ids(search, "cour", 5)).containsExactlyElementsOf(byId.subList(0, 5));
        assertThat(ids(search, "courier 5.00", 5)).containsExactlyElementsOf(byId.subList(0, 5));
        SearchService tiered = new SearchService(books.store, SearchService.MAX_COMPLETIONS, 0, 0);
        assertThat(ids(tiered, "courier 5.00", 5)).containsExactlyElementsOf(byId.subList(0, 5));
        assertThat(ids(tiered, "5 cour", 50)).containsExactlyElementsOf(byId);
    }

    @Test
    void aRareWordWithACommonOneFindsTheSameWhicheverWayTheCommonOneIsMatched() {
        for (int i = 0; i < 30; i++) {
            book(i % 2 == 0 ? acme : bistro, LocalDate.of(2025, 1, 1).plusDays(i), "Fuel Station " + i, "diesel",
                    "10.00");
        }
        Transaction rare = book(acme, LocalDate.of(2024, 6, 1), "Fuel Station", "diesel for the generator", "99.00");
        Transaction rareInSplit = book(bistro, LocalDate.of(2024, 7, 1), "Hire Co", "",
                "generator fuel", "45.00");
        // Every word beyond 3 rows counts as common: checked on the rare word's candidates, not read whole.
        SearchService checking = new SearchService(books.store, SearchService.MAX_COMPLETIONS, 3, 100);
        // No candidate set is small enough to check: every word is read whole and intersected.
        SearchService reading = new SearchService(books.store, SearchService.MAX_COMPLETIONS, 3, 0);
        // Every word counts as common: the rarest is read tier by tier, each transaction scored on its own terms.
        SearchService tiered = new SearchService(books.store, SearchService.MAX_COMPLETIONS, 0, 0);

        for (SearchService service : List.of(search, checking, reading, tiered)) {
            assertThat(ids(service, "fuel generator", 50)).containsExactly(rare.id(), rareInSplit.id());
            assertThat(ids(service, "diesel gen", 50)).containsExactly(rare.id());
            assertThat(ids(service, "fu die gene 99", 50)).containsExactly(rare.id());
            assertThat(ids(service, "generator fuel", 1)).containsExactly(rare.id());
            assertThat(ids(service, "fuel diesel", 50)).hasSize(31);
            assertThat(ids(service, "fuel diesel nowhere", 50)).isEmpty();
        }
        assertThat(search.search("fuel generator").stream().map(SearchHit::score).toList())
                .containsExactly(9 + 7, 5 + 5);
        assertThat(search.search("fuel generator", java.util.Set.of(bistro.id()), 50))
                .extracting(SearchHit::transaction).containsExactly(rareInSplit.id());
        for (SearchService service : List.of(checking, tiered)) {
            assertThat(service.search("fuel generator", java.util.Set.of(bistro.id()), 50))
                    .extracting(SearchHit::transaction).containsExactly(rareInSplit.id());
            assertThat(service.search("fuel generator").stream().map(SearchHit::score).toList())
                    .containsExactly(9 + 7, 5 + 5);
        }
    }

    @Test
    void aShortPrefixIsCompletedWithItsFirstTermsButExactMatchesAlwaysCount() {
        book(acme, LocalDate.of(2025, 5, 1), "Ca", "", "1.00");
        book(acme, LocalDate.of(2025, 5, 2), "Cab Hire", "", "1.00");
        book(acme, LocalDate.of(2025, 5, 3), "Cable Co", "", "1.00");
        book(acme, LocalDate.of(2025, 5, 4), "Cafe Nord", "", "1.00");
        SearchService twoCompletions = new SearchService(books.store, 2, SearchService.SMALL_WORD,
                SearchService.CHECKED_CANDIDATES);

        assertThat(payees("ca")).containsExactly("Ca", "Cafe Nord", "Cable Co", "Cab Hire");
        assertThat(twoCompletions.search("ca").stream().map(SearchHit::payee).toList())
                .containsExactly("Ca", "Cable Co", "Cab Hire");
        assertThat(twoCompletions.search("caf").stream().map(SearchHit::payee).toList())
                .containsExactly("Cafe Nord");
    }

    @Test
    void oneWordIsReadNewestFirstFromTheIndexSoTheLimitEndsTheRead() {
        String plan = books.store.read(session -> session.doReturningWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "explain " + SearchService.NEWEST.formatted(""))) {
                statement.setString(1, "cable");
                statement.setInt(2, 0);
                statement.setInt(3, 50);
                try (ResultSet rows = statement.executeQuery()) {
                    rows.next();
                    return rows.getString(1);
                }
            }
        }));

        assertThat(plan).containsIgnoringCase("SEARCH_TERMS_BY_TERM_FIELD_DAY").containsIgnoringCase("index sorted");
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

        assertThat(plan).containsIgnoringCase("SEARCH_TERMS_BY_TERM_FIELD_DAY").doesNotContainIgnoringCase("tableScan");
    }

    @Test
    void booksKeptBeforeSearchExistedAreIndexedWhenOpened() {
        book(acme, LocalDate.of(2025, 5, 1), "Legacy Supplier", "from an older version", "42.00");
        // Puts the store back as the previous version left it: no terms, and neither the filling migration nor
        // any later one applied (the later ones are written to run again over their own work).
        books.store.runInTransaction(session -> session.doWork(connection -> {
            try (PreparedStatement terms = connection.prepareStatement("delete from search_terms");
                    PreparedStatement history = connection.prepareStatement("""
                            delete from "flyway_schema_history" where "installed_rank" >=
                                (select "installed_rank" from "flyway_schema_history" where "version" = ?)""")) {
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
