package app.booksflow.desktop.gui.search;

import static org.assertj.core.api.Assertions.assertThat;

import app.booksflow.desktop.gui.task.SynchronousTaskExecutor;
import app.booksflow.desktop.search.ReceiptHit;
import app.booksflow.desktop.search.ReceiptSearch;
import app.booksflow.desktop.search.SearchBacklog;
import app.booksflow.desktop.search.SearchHit;
import app.booksflow.desktop.search.SearchService;
import app.booksflow.desktop.settings.CurrencyDisplay;
import app.booksflow.desktop.settings.Settings;
import app.booksflow.desktop.support.TestBooks;
import app.booksflow.model.id.ReceiptId;
import app.booksflow.model.id.TransactionId;
import app.booksflow.model.ledger.Split;
import app.booksflow.model.ledger.Transaction;
import app.booksflow.model.ledger.TransactionStatus;
import app.booksflow.model.money.Money;
import app.booksflow.model.practice.Client;
import app.booksflow.model.receipt.Extracted;
import app.booksflow.model.receipt.ExtractedFields;
import app.booksflow.model.receipt.Receipt;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SearchViewModelTest {

    @TempDir
    Path dir;

    private TestBooks books;
    private Client acme;
    private Client bistro;
    private Transaction rent;
    private final List<SearchHit> opened = new ArrayList<>();
    private final List<ReceiptHit> openedReceipts = new ArrayList<>();
    private SimpleObjectProperty<Settings> settings;
    private SearchViewModel viewModel;

    @BeforeEach
    void open() {
        books = TestBooks.open(dir.resolve("books"));
        acme = books.ukClient("Acme Ltd");
        bistro = books.ukClient("Bistro Nord");
        rent = book(acme, LocalDate.of(2025, 3, 1), "Harbour Properties", "March rent", "1250.00");
        book(bistro, LocalDate.of(2025, 4, 2), "Harbour Fish Co", "Weekly order", "310.40");
        book(bistro, LocalDate.of(2025, 4, 9), "Market Hall", "Fish from the harbour stall", "45.00");
        settings = new SimpleObjectProperty<>(new Settings(dir.resolve("books"), Locale.UK, CurrencyDisplay.SYMBOL, Optional.empty()));
        viewModel = new SearchViewModel(settings, new SynchronousTaskExecutor(), opened::add, openedReceipts::add);
        viewModel.serviceProperty().set(new SearchService(books.store));
    }

    @AfterEach
    void close() {
        books.close();
    }

    private Transaction book(Client client, LocalDate date, String payee, String memo, String gross) {
        Money amount = TestBooks.gbp(gross).negate();
        Transaction transaction = new Transaction(TransactionId.random(), client.id(), date, payee, memo,
                books.account(client.id(), "1000"), amount, TransactionStatus.POSTED,
                List.of(new Split(books.account(client.id(), "6100"), amount, Optional.empty(), "")));
        books.ledger.transactions().create(transaction, TestBooks.USER);
        return transaction;
    }

    private void type(String text) {
        viewModel.queryProperty().set(text);
        viewModel.search();
    }

    @Test
    void whileABulkLoadIsIndexedAnEmptyResultSaysSoAndTheResultsFollowOnceItIsDone() {
        // As a bulk load leaves a transaction: committed, listed for the indexer, no terms yet.
        books.store.runInTransaction(session -> session.doWork(connection -> {
            try (var terms = connection.prepareStatement("delete from search_terms where transaction_id = ?");
                    var listed = connection.prepareStatement("insert into search_pending (transaction_id) values (?)")) {
                terms.setObject(1, rent.id().value());
                terms.executeUpdate();
                listed.setObject(1, rent.id().value());
                listed.executeUpdate();
            }
        }));
        viewModel.unindexedProperty().set(1_200);

        type("properties");

        assertThat(viewModel.results()).isEmpty();
        assertThat(viewModel.messageProperty().get())
                .isEqualTo("No transaction matches \u201Cproperties\u201D yet: 1,200 transactions are still being indexed for search.");

        SearchBacklog.drain(books.store);
        viewModel.unindexedProperty().set(0);

        assertThat(viewModel.results()).extracting(SearchResult::payee).containsExactly("Harbour Properties");
        assertThat(viewModel.messageProperty().get()).isEmpty();
    }

    @Test
    void beforeTheBooksAreOpenNothingCanBeSearched() {
        SearchViewModel waiting = new SearchViewModel(settings, new SynchronousTaskExecutor(), opened::add, openedReceipts::add);

        waiting.queryProperty().set("harbour");
        waiting.search();

        assertThat(waiting.availableProperty().get()).isFalse();
        assertThat(waiting.showingProperty().get()).isFalse();
        assertThat(waiting.results()).isEmpty();
    }

    @Test
    void findsAcrossClientsWithPayeeMatchesFirstAndSaysWhereItMatched() {
        type("harbour");

        assertThat(viewModel.availableProperty().get()).isTrue();
        assertThat(viewModel.showingProperty().get()).isTrue();
        assertThat(viewModel.results()).extracting(SearchResult::payee, SearchResult::client, SearchResult::matchedIn)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Harbour Fish Co", "Bistro Nord", "payee"),
                        org.assertj.core.groups.Tuple.tuple("Harbour Properties", "Acme Ltd", "payee"),
                        org.assertj.core.groups.Tuple.tuple("Market Hall", "Bistro Nord", "memo"));
        assertThat(viewModel.selectedIndexProperty().get()).isZero();
    }

    @Test
    void resultsAreFormattedForTheUsersLocale() {
        type("march rent");

        SearchResult result = viewModel.results().get(0);
        assertThat(result.amount()).isEqualTo("-£1,250.00");
        assertThat(result.date()).isEqualTo("1 Mar 2025");
        assertThat(result.memo()).isEqualTo("March rent");
    }

    @Test
    void arrowsMoveWithinTheListAndEnterOpensTheSelectedHitAndCloses() {
        type("harbour");

        viewModel.moveSelection(1);
        viewModel.moveSelection(1);
        viewModel.moveSelection(1);
        assertThat(viewModel.selectedIndexProperty().get()).isEqualTo(2);
        viewModel.moveSelection(-1);
        viewModel.openSelected();

        assertThat(opened).extracting(SearchHit::transaction, SearchHit::client)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(rent.id(), acme.id()));
        assertThat(viewModel.showingProperty().get()).isFalse();
    }

    @Test
    void escapeClosesTheListAndKeepsTheText() {
        type("harbour");

        viewModel.close();
        viewModel.openSelected();

        assertThat(viewModel.showingProperty().get()).isFalse();
        assertThat(viewModel.queryProperty().get()).isEqualTo("harbour");
        assertThat(opened).isEmpty();
    }

    @Test
    void noMatchSaysSo() {
        type("zanzibar");

        assertThat(viewModel.showingProperty().get()).isTrue();
        assertThat(viewModel.results()).isEmpty();
        assertThat(viewModel.messageProperty().get()).isEqualTo("No transaction matches \u201Czanzibar\u201D.");
        viewModel.openSelected();
        assertThat(opened).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\t\n"})
    void blankTextClosesTheList(String blank) {
        type("harbour");

        type(blank);

        assertThat(viewModel.showingProperty().get()).isFalse();
        assertThat(viewModel.results()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"%", "_", "'", "\"", "\\", "%_'\"\\", "harbour'; drop table transactions; --", "*", "(", "[a-z]"})
    void symbolsAreSearchedAsTextNotAsPatterns(String odd) {
        type(odd);

        assertThat(viewModel.results()).allSatisfy(result -> assertThat(result.payee()).startsWith("Harbour"));
        type("harbour");
        assertThat(viewModel.results()).hasSize(3);
    }

    @Test
    void veryLongTextIsCutAndAnswered() {
        type("harbour " + "x".repeat(5_000) + " y".repeat(5_000));

        assertThat(viewModel.showingProperty().get()).isTrue();
        assertThat(viewModel.results()).isEmpty();
    }

    @Test
    void anAmountFindsItsTransaction() {
        type("310.40");

        assertThat(viewModel.results()).extracting(SearchResult::payee).containsExactly("Harbour Fish Co");
        assertThat(viewModel.results().get(0).matchedIn()).isEqualTo("amount");
    }

    @Test
    void receiptsWhoseTextMatchesFollowTheTransactionsAndOpenAsReceipts() throws IOException {
        viewModel.receiptSearchProperty().set(new ReceiptSearch(books.store));
        Receipt receipt = receipt(bistro, "scan-0412.jpg", "HARBOUR FISH CO\nHAKE FILLETS 4KG   62.00\nTOTAL 62.00");

        type("hake");

        assertThat(viewModel.results()).extracting(SearchResult::payee, SearchResult::client, SearchResult::memo,
                        SearchResult::amount, SearchResult::matchedIn)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Harbour Fish Co", "Bistro Nord",
                        "HAKE FILLETS 4KG 62.00", "£62.00", "receipt"));
        assertThat(viewModel.results().getFirst().date()).isEqualTo("12 Apr 2025");

        type("harbour");

        assertThat(viewModel.results()).extracting(SearchResult::isReceipt)
                .containsExactly(false, false, false, true);
        viewModel.moveSelection(3);
        viewModel.openSelected();
        assertThat(openedReceipts).extracting(ReceiptHit::receipt).containsExactly(receipt.id());
        assertThat(opened).isEmpty();
    }

    @Test
    void withReceiptSearchTheEmptyAnswerNamesBoth() {
        viewModel.receiptSearchProperty().set(new ReceiptSearch(books.store));

        type("zanzibar");

        assertThat(viewModel.messageProperty().get()).isEqualTo("No transaction or receipt matches \u201Czanzibar\u201D.");
    }

    private Receipt receipt(Client client, String name, String text) throws IOException {
        Path file = Files.writeString(Files.createDirectories(dir.resolve("in")).resolve(name), "%PDF-1.7\n% " + text);
        ExtractedFields fields = new ExtractedFields(Optional.of(Extracted.of("Harbour Fish Co", 90)),
                Optional.of(Extracted.of(LocalDate.of(2025, 4, 12), 95)),
                Optional.of(Extracted.of(TestBooks.gbp("62.00"), 91)), Optional.empty(), Optional.empty());
        return books.ledger.receipts().importRead(ReceiptId.random(), client.id(), books.ledger.receipts().store(file),
                books.clock.instant(), fields, false, text, TestBooks.USER, (session, outcome) -> { }).receipt();
    }
}
