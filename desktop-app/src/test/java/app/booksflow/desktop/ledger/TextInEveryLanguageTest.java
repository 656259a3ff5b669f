package app.booksflow.desktop.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.booksflow.desktop.audit.AuditQueries;
import app.booksflow.desktop.audit.AuditQuery;
import app.booksflow.desktop.audit.AuditRecord;
import app.booksflow.desktop.dashboard.ClientMonth;
import app.booksflow.desktop.store.LedgerBatch;
import app.booksflow.desktop.store.TextKeys;
import app.booksflow.desktop.support.TestBooks;
import app.booksflow.model.DomainException;
import app.booksflow.model.id.TransactionId;
import app.booksflow.model.ledger.Split;
import app.booksflow.model.ledger.Transaction;
import app.booksflow.model.ledger.TransactionStatus;
import app.booksflow.model.practice.Client;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Books kept on a machine set to Turkish, whose lower case of "I" is a dotless "ı": the ledger's payee
 * order, the text filters of the ledger, the receipts and the audit trail, and the clients' names behave
 * exactly as on an English machine. The database's own {@code lower()} follows the JVM's language, so
 * none of them may use it.
 */
class TextInEveryLanguageTest {

    private static final Locale TURKISH = Locale.forLanguageTag("tr-TR");

    @TempDir
    Path dir;

    private Locale before;
    private TestBooks books;
    private Client client;

    @BeforeEach
    void openInTurkish() {
        before = Locale.getDefault();
        Locale.setDefault(TURKISH);
        books = TestBooks.open(dir.resolve("data"));
        client = books.ukClient("Hill Street Bakery");
    }

    @AfterEach
    void close() {
        try {
            if (books != null) {
                books.close();
            }
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void theLedgerSortsAndFindsPayeesWithAnIAsInEnglish() {
        Transaction zeta = create("Zeta Print", "Toner");
        Transaction ikea = create("IKEA", "INVOICE-7 shelving");
        Transaction hardware = create("Hardware Ltd", "Screws");
        Transaction istanbul = create("İstanbul Kebap", "Staff lunch");
        LedgerPages pages = new LedgerPages(books.store);

        assertThat(ids(pages.rows(LedgerQuery.of(client.id()).sortedBy(LedgerSort.PAYEE, false), 0, 10)))
                .containsExactly(hardware.id(), ikea.id(), istanbul.id(), zeta.id());
        assertThat(ids(pages.rows(LedgerQuery.of(client.id()).containing("ikea"), 0, 10))).containsExactly(ikea.id());
        assertThat(ids(pages.rows(LedgerQuery.of(client.id()).containing("istanbul"), 0, 10))).containsExactly(istanbul.id());
        // Punctuation: the text as typed, looked for in the payees' keys and the memos.
        for (LedgerPages path : List.of(pages, new LedgerPages(books.store, -1, -1, -1, -1),
                new LedgerPages(books.store, -1, -1, Integer.MAX_VALUE - 1, Integer.MAX_VALUE - 1))) {
            assertThat(ids(path.rows(LedgerQuery.of(client.id()).containing("invoice-7"), 0, 10))).containsExactly(ikea.id());
            assertThat(ids(path.rows(LedgerQuery.of(client.id()).containing("İKEA"), 0, 10))).containsExactly(ikea.id());
        }
        assertThat(payeeKeys()).containsExactlyInAnyOrder("zeta print", "ikea", "hardware ltd", "istanbul kebap");
        assertThat(termPayeeKeys()).containsOnly("zeta print", "ikea", "hardware ltd", "istanbul kebap");
    }

    @Test
    void theBulkPathWritesTheSameKeys() {
        Transaction ikea = transaction("IKEA Istanbul", "Desk");
        books.store.inDerivedTransaction(connection -> {
            try (LedgerBatch batch = new LedgerBatch(connection)) {
                batch.add(ikea, "Office costs");
            }
            return null;
        });

        assertThat(payeeKeys()).containsExactly("ikea istanbul");
    }

    @Test
    void receiptsAreFoundByANameWithAnI() throws IOException {
        Path scan = dir.resolve("IKEA-Istanbul.png");
        ImageIO.write(new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB), "png", scan.toFile());
        books.ledger.receipts().attach(client.id(), scan, TestBooks.USER);

        assertThat(books.ledger.receipts().list(client.id(), Optional.empty(), "ikea-istanbul")).hasSize(1);
        assertThat(books.ledger.receipts().list(client.id(), Optional.empty(), "İSTANBUL")).hasSize(1);
        assertThat(books.ledger.receipts().list(client.id(), Optional.empty(), "ikea-x")).isEmpty();
    }

    @Test
    void theAuditTrailFindsAUserWithAnI() {
        books.ledger.transactions().create(transaction("Zeta Print", "Toner"), "Iris.Ince@harper-lowe.example");
        AuditQueries queries = new AuditQueries(books.store);

        List<AuditRecord> found = queries.page(AuditQuery.everything(ZoneOffset.UTC).withUser(Optional.of("IRIS")), 0, 10)
                .events();

        assertThat(found).isNotEmpty().allSatisfy(event -> assertThat(event.user()).isEqualTo("Iris.Ince@harper-lowe.example"));
    }

    @Test
    void clientsAreInNameOrderAndANameDiffersByMoreThanItsCase() {
        books.ukClient("Zeta Print");
        books.ukClient("Izmir Textiles");
        books.ukClient("Acorn Joinery");

        assertThat(books.ledger.clients().list()).extracting(Client::name)
                .containsExactly("Acorn Joinery", "Hill Street Bakery", "Izmir Textiles", "Zeta Print");
        assertThat(books.dashboards.practiceThisMonth(LocalDate.of(2025, 6, 15))).extracting(ClientMonth::client)
                .extracting(Client::name).containsExactly("Acorn Joinery", "Hill Street Bakery", "Izmir Textiles", "Zeta Print");
        assertThatThrownBy(() -> books.ukClient("IZMIR TEXTILES")).isInstanceOf(DomainException.class)
                .hasMessage("There is already a client called IZMIR TEXTILES.");
    }

    private Transaction create(String payee, String memo) {
        return books.ledger.transactions().create(transaction(payee, memo), TestBooks.USER).transaction();
    }

    private Transaction transaction(String payee, String memo) {
        return new Transaction(TransactionId.random(), client.id(), LocalDate.of(2025, 3, 3), payee, memo,
                books.account(client.id(), "1000"), TestBooks.gbp("-9.99"), TransactionStatus.POSTED,
                List.of(Split.of(books.account(client.id(), "6100"), TestBooks.gbp("-9.99"))));
    }

    private List<String> payeeKeys() {
        return books.store.read(session -> session.createNativeQuery("select payee_key from transactions", String.class)
                .getResultList());
    }

    private List<String> termPayeeKeys() {
        return books.store.read(session -> session.createNativeQuery(
                "select payee_key from search_terms where field in (0, 1)", String.class).getResultList());
    }

    private static List<TransactionId> ids(List<LedgerRow> rows) {
        return rows.stream().map(LedgerRow::id).toList();
    }

    /** The key helper itself: "İ" lowers to a plain "i", never longer than the text. */
    @Test
    void aKeyIsTheTextInLowerCaseByUnicodeAlone() {
        assertThat(TextKeys.lower("IKEA İstanbul ÉCOLE")).isEqualTo("ikea istanbul école");
        assertThat(TextKeys.lower("İ".repeat(200))).hasSize(200);
    }
}
