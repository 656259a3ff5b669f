package app.booksflow.desktop.ledger;

import static app.booksflow.desktop.support.TestBooks.USER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.booksflow.desktop.ocr.extract.Extraction;
import app.booksflow.desktop.ocr.extract.ExtractionContext;
import app.booksflow.desktop.ocr.extract.FieldExtractor;
import app.booksflow.desktop.ocr.extract.ReceiptText;
import app.booksflow.desktop.ocr.extract.VendorRule;
import app.booksflow.desktop.support.TestBooks;
import app.booksflow.model.DomainException;
import app.booksflow.model.id.AccountId;
import app.booksflow.model.practice.Client;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Vendor rules on a real H2 file: learned from a correction, found again, applied by the extractor. */
class VendorRuleServiceTest {

    @TempDir
    Path dir;
    private TestBooks books;
    private Client client;
    private VendorRuleService rules;

    @BeforeEach
    void open() {
        books = TestBooks.open(dir.resolve("books"));
        client = books.ukClient("Hill Street Bakery");
        rules = books.ledger.vendorRules();
    }

    @AfterEach
    void close() {
        books.close();
    }

    @Test
    void aCorrectionIsFoundAgainByTheVendorAsReadWhateverItsCaseAndPunctuation() {
        AccountId meals = books.account(client.id(), "6100");
        rules.learn(client.id(), "C0RNER CAFE.", "Corner Café", Optional.of(meals), USER);

        VendorRule rule = rules.find(client.id(), "c0rner-cafe").orElseThrow();
        assertThat(rule.name()).isEqualTo("Corner Café");
        assertThat(rule.account()).contains(meals);
        assertThat(rules.find(client.id(), "CORNER CAFE")).as("the corrected name itself").isPresent();
        assertThat(rules.find(client.id(), "Harbour Books")).isEmpty();
    }

    @Test
    void rulesSurviveClosingAndReopeningTheBooks() {
        rules.learn(client.id(), "TESC0 STORES", "Tesco", Optional.empty(), USER);
        books.close();
        books = TestBooks.open(dir.resolve("books"));

        assertThat(books.ledger.vendorRules().find(client.id(), "tesc0 stores").map(VendorRule::name))
                .contains("Tesco");
    }

    @Test
    void aLaterCorrectionReplacesTheRule() {
        rules.learn(client.id(), "CORNER CAFE", "Corner Cafe", Optional.of(books.account(client.id(), "6100")), USER);
        books.clock.advance(java.time.Duration.ofDays(1));
        rules.learn(client.id(), "CORNER CAFE", "Corner Café Ltd", Optional.of(books.account(client.id(), "6200")), USER);

        VendorRule rule = rules.find(client.id(), "Corner Cafe").orElseThrow();
        assertThat(rule.name()).isEqualTo("Corner Café Ltd");
        assertThat(rule.account()).contains(books.account(client.id(), "6200"));
    }

    @Test
    void rulesBelongToOneClient() {
        Client other = books.ukClient("Dock Joinery");
        rules.learn(client.id(), "CORNER CAFE", "Corner Café", Optional.empty(), USER);

        assertThat(rules.find(other.id(), "CORNER CAFE")).isEmpty();
        assertThat(rules.list(other.id())).isEmpty();
        assertThat(rules.list(client.id())).extracting(VendorRule::key).containsExactly("cornercafe");
    }

    @Test
    void anAccountOfAnotherClientIsRefusedAndNothingIsLearned() {
        Client other = books.ukClient("Dock Joinery");
        AccountId theirs = books.account(other.id(), "6100");

        assertThatThrownBy(() -> rules.learn(client.id(), "CORNER CAFE", "Corner Café", Optional.of(theirs), USER))
                .isInstanceOf(DomainException.class).hasMessageContaining("not an account of this client");
        assertThat(rules.list(client.id())).isEmpty();
    }

    @Test
    void theExtractorAppliesTheRuleWithItsCategory() {
        AccountId meals = books.account(client.id(), "6100");
        rules.learn(client.id(), "CORNER CAFE", "Corner Café", Optional.of(meals), USER);

        Extraction read = FieldExtractor.extract(ReceiptText.of("""
                CORNER CAFE
                Date 15/01/2025
                Coffee 3.50
                TOTAL 3.50
                """), ExtractionContext.of(Locale.UK, LocalDate.of(2025, 6, 1)).withVendorRules(rules.rules(client.id())));

        assertThat(read.vendor().orElseThrow().value()).isEqualTo("Corner Café");
        assertThat(read.vendor().orElseThrow().confidence().percent()).isGreaterThanOrEqualTo(95);
        assertThat(read.suggestedAccount()).contains(meals);
    }
}
