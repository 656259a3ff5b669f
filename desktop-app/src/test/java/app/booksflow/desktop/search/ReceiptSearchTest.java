package app.booksflow.desktop.search;

import static app.booksflow.desktop.support.TestBooks.USER;
import static org.assertj.core.api.Assertions.assertThat;

import app.booksflow.desktop.ledger.ReceiptService;
import app.booksflow.desktop.store.DataDirectory;
import app.booksflow.desktop.support.TestBooks;
import app.booksflow.model.id.ClientId;
import app.booksflow.model.id.ReceiptId;
import app.booksflow.model.money.Currencies;
import app.booksflow.model.money.Money;
import app.booksflow.model.practice.Client;
import app.booksflow.model.receipt.Extracted;
import app.booksflow.model.receipt.ExtractedFields;
import app.booksflow.model.receipt.Receipt;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Receipts found by the words printed on them, across clients, on real books. */
class ReceiptSearchTest {

    @TempDir
    Path dir;
    private TestBooks books;
    private ReceiptService receipts;
    private ReceiptSearch search;
    private Client bakery;
    private Client garage;
    private int files;

    @BeforeEach
    void open() {
        books = TestBooks.open(dir.resolve("books"));
        receipts = books.ledger.receipts();
        search = new ReceiptSearch(books.store);
        bakery = books.ukClient("Hill Street Bakery");
        garage = books.ukClient("Marsh Lane Garage");
    }

    @AfterEach
    void close() {
        books.close();
    }

    @Test
    void findsAReceiptOfAnyClientByAWordOfItsTextAndShowsTheLine() {
        Receipt costa = imported(bakery, "IMG_0001.jpg", "Costa Coffee", "COSTA COFFEE\nFLAT WHITE      3.20\nTOTAL 3.20");
        Receipt pret = imported(garage, "pret.png", "Pret A Manger", "PRET A MANGER\n  Flat   white  3.40\nCROISSANT 2.10");

        List<ReceiptHit> hits = search.search("flat", null, 10);

        assertThat(hits).extracting(ReceiptHit::receipt).containsExactlyInAnyOrder(costa.id(), pret.id());
        ReceiptHit fromGarage = hits.stream().filter(hit -> hit.receipt().equals(pret.id())).findFirst().orElseThrow();
        assertThat(fromGarage.clientName()).isEqualTo("Marsh Lane Garage");
        assertThat(fromGarage.excerpt()).isEqualTo("Flat white 3.40");
        assertThat(fromGarage.vendor()).contains("Pret A Manger");
        assertThat(fromGarage.total()).contains(Money.of("3.40", "GBP"));
    }

    @Test
    void everyWordMustStartAWordOfTheReceiptAndAccentsAndCaseDoNotMatter() {
        imported(bakery, "a.jpg", "Costa Coffee", "COSTA COFFEE\nFLAT WHITE 3.20");
        Receipt pret = imported(bakery, "b.jpg", "Pret A Manger", "PRET A MANGER\nFLAT WHITE 3.40\nCROISSANT 2.10");
        Receipt nero = imported(bakery, "c.jpg", "Café Nero", "CAFE NERO\nLATTE 3.10");

        assertThat(ids("flat cro")).containsExactly(pret.id());
        assertThat(ids("CAFÉ")).containsExactly(nero.id());
        assertThat(ids("3.10")).containsExactly(nero.id());
        assertThat(ids("flat tea")).isEmpty();
        assertThat(ids("lat")).contains(nero.id()).hasSize(1);
    }

    @Test
    void aWordInTheVendorRanksAboveTheSameWordInTheTextThenNewestFirst() {
        Receipt older = imported(bakery, "one.jpg", "Shell", "SHELL\nunleaded 40.00\nthank you from costa express");
        books.clock.advance(Duration.ofHours(1));
        Receipt vendor = imported(bakery, "two.jpg", "Costa Coffee", "COSTA\nMOCHA 3.60");
        books.clock.advance(Duration.ofHours(1));
        Receipt newer = imported(bakery, "three.jpg", "Esso", "ESSO\ncosta express 2.50");

        assertThat(ids("costa")).containsExactly(vendor.id(), newer.id(), older.id());
    }

    @Test
    void onlyTheVisibleClientsAreSearched() {
        Receipt bakerys = imported(bakery, "a.jpg", "Greggs", "GREGGS\nSAUSAGE ROLL 1.20");
        imported(garage, "b.jpg", "Greggs", "GREGGS\nSTEAK BAKE 1.85");

        assertThat(search.search("greggs", Set.of(bakery.id()), 10)).extracting(ReceiptHit::receipt)
                .containsExactly(bakerys.id());
        assertThat(search.search("greggs", Set.<ClientId>of(), 10)).isEmpty();
    }

    @Test
    void aVendorCorrectedInReviewIsFoundByItsNewNameAndTheTextStillByItsWords() {
        Receipt receipt = imported(bakery, "a.jpg", "C0STA", "C0STA COFFEE\nFLAT WHITE 3.20");

        receipts.review(receipt.id(), fields("Costa Coffee Ltd", "3.20"), USER);

        assertThat(ids("ltd")).containsExactly(receipt.id());
        assertThat(ids("c0sta")).containsExactly(receipt.id());
        assertThat(search.search("ltd", null, 10).getFirst().excerpt()).as("found in the vendor, not the text").isEmpty();
    }

    @Test
    void aReceiptAttachedByHandIsFoundByItsFileNameAndADeletedOneNoLonger() throws IOException {
        Path file = Files.writeString(dir.resolve("Invoice Plumbco March.pdf"), "%PDF-1.7\n% plumbing\n");
        Receipt attached = receipts.attach(bakery.id(), file, USER);

        assertThat(ids("plumb")).containsExactly(attached.id());

        receipts.delete(attached.id(), USER);

        assertThat(ids("plumb")).isEmpty();
    }

    @Test
    void queriesWithoutWordsFindNothingAndBreakNothing() {
        imported(bakery, "a.jpg", "100% Juice_Bar", "100% JUICE_BAR\nTOTAL 4.00");

        assertThat(ids("%")).isEmpty();
        assertThat(ids("  _ \\ ")).isEmpty();
        assertThat(ids("")).isEmpty();
        assertThat(ids(null)).isEmpty();
        assertThat(ids("juice_bar")).hasSize(1);
    }

    @Test
    void aWordOnMoreReceiptsThanTheCandidatesCapStillFindsSomeWhenTheOtherWordIsRare() {
        List<ReceiptId> all = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            all.add(imported(bakery, "r" + i + ".jpg", "Tesco", "TESCO\nTOTAL " + i + ".00").id());
        }
        ReceiptSearch capped = new ReceiptSearch(books.store, 2);

        assertThat(capped.search("total", null, 10)).hasSize(2);
        assertThat(capped.search("tesco 5.00", null, 10)).extracting(ReceiptHit::receipt).containsExactly(all.get(5));
    }

    @Test
    void theTermsKeptWriteByWriteEqualARebuildFromTheReceipts() throws Exception {
        Receipt first = imported(bakery, "a.jpg", "C0STA", "C0STA COFFEE\nFLAT WHITE 3.20");
        imported(garage, "b.jpg", "Esso", "ESSO\nDIESEL 60.00");
        Receipt third = imported(garage, "c.jpg", "Shell", "SHELL\nV-POWER 70.00");
        receipts.review(first.id(), fields("Costa Coffee", "3.20"), USER);
        receipts.delete(third.id(), USER);

        List<String> kept = terms();
        books.store.runInTransaction(session -> session.doWork(ReceiptTerms::rebuild));

        assertThat(kept).isNotEmpty().isEqualTo(terms());
    }

    @Test
    void booksFromBeforeReceiptSearchHaveTheirReceiptsIndexedByTheMigrations() throws Exception {
        Receipt old = imported(bakery, "a.jpg", "Costa Coffee", "COSTA COFFEE\nFLAT WHITE 3.20");
        books.close();
        String url = "jdbc:h2:file:" + new DataDirectory(dir.resolve("books")).database();
        int later;
        try (Connection connection = DriverManager.getConnection(url, "booksflow", "");
                Statement statement = connection.createStatement()) {
            // As the books were at V11: no receipt terms, V12 and every later migration to run.
            statement.executeUpdate("drop table receipt_terms");
            later = statement.executeUpdate("delete from \"flyway_schema_history\" where \"installed_rank\" >= "
                    + "(select \"installed_rank\" from \"flyway_schema_history\" where \"version\" = '12')");
        }
        Flyway flyway = Flyway.configure().dataSource(url, "booksflow", "").locations("classpath:db/desktop").load();
        assertThat(flyway.migrate().migrationsExecuted).isEqualTo(later);

        books = TestBooks.open(dir.resolve("books"));
        search = new ReceiptSearch(books.store);
        assertThat(search.search("flat", null, 10)).extracting(ReceiptHit::receipt, ReceiptHit::excerpt)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(old.id(), "FLAT WHITE 3.20"));
    }

    private List<ReceiptId> ids(String query) {
        return search.search(query, null, 20).stream().map(ReceiptHit::receipt).toList();
    }

    private List<String> terms() {
        return books.store.read(session -> session.createNativeQuery(
                "select cast(receipt_id as varchar) || ' ' || term || ' ' || cast(client_id as varchar) from receipt_terms"
                        + " order by 1", String.class).getResultList());
    }

    /** A receipt as an import adds it: its file, what was read and the text. */
    private Receipt imported(Client client, String name, String vendor, String text) {
        try {
            Path file = Files.write(Files.createDirectories(dir.resolve("in")).resolve(name),
                    ("%PDF-1.7\n% " + (files++) + " " + text + "\n").getBytes(StandardCharsets.UTF_8));
            String total = text.replaceAll("(?s).*?(\\d+\\.\\d\\d).*", "$1");
            return receipts.importRead(ReceiptId.random(), client.id(), receipts.store(file), books.clock.instant(),
                    fields(vendor, total.matches("\\d+\\.\\d\\d") ? total : "1.00"), true, text, USER,
                    (session, outcome) -> { }).receipt();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ExtractedFields fields(String vendor, String total) {
        return new ExtractedFields(Optional.of(Extracted.of(vendor, 90)),
                Optional.of(Extracted.of(LocalDate.of(2025, 3, 1), 95)),
                Optional.of(Extracted.of(Money.of(total, "GBP"), 91)), Optional.empty(),
                Optional.of(Extracted.of(Currencies.GBP, 99)));
    }
}
