package app.booksflow.desktop.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.booksflow.desktop.support.AuditScenario;
import app.booksflow.desktop.support.TestBooks;
import app.booksflow.model.DomainException;
import app.booksflow.model.EntityType;
import app.booksflow.model.audit.AuditAction;
import app.booksflow.model.audit.RiskLevel;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditQueriesTest {

    @TempDir
    Path dir;
    private TestBooks books;
    private AuditScenario scenario;
    private AuditQueries queries;
    private final AuditQuery everything = AuditQuery.everything(ZoneOffset.UTC);

    @BeforeEach
    void open() {
        books = TestBooks.open(dir);
        scenario = new AuditScenario(books);
        queries = new AuditQueries(books.store);
    }

    @AfterEach
    void close() {
        books.close();
    }

    private List<AuditRecord> all(AuditQuery query) {
        return queries.page(query, 0, 1000).events();
    }

    @Test
    void filtersByClientAndEntityNewestFirst() {
        List<AuditRecord> events = all(everything.withClient(Optional.of(scenario.bakery.id()))
                .withEntityType(Optional.of(EntityType.TRANSACTION)));

        assertThat(events).extracting(AuditRecord::action).containsExactly(AuditAction.DELETE, AuditAction.CREATE);
        assertThat(events).allSatisfy(event -> assertThat(event.entityId()).isEqualTo(scenario.sale.id().value()));
    }

    @Test
    void aRiskLevelShowsThatLevelAndHigher() {
        assertThat(all(everything.withMinimumRisk(Optional.of(RiskLevel.HIGH))))
                .extracting(AuditRecord::risk).containsExactly(RiskLevel.CRITICAL, RiskLevel.HIGH);
        assertThat(all(everything.withMinimumRisk(Optional.of(RiskLevel.CRITICAL))))
                .extracting(AuditRecord::action).containsExactly(AuditAction.CLOSE_PERIOD);
    }

    @Test
    void datesAreWholeDaysInTheUsersTimeZone() {
        assertThat(all(everything.withDates(Optional.of(LocalDate.of(2025, 6, 17)), Optional.of(LocalDate.of(2025, 6, 18)))))
                .extracting(AuditRecord::entityId).containsOnly(scenario.sale.id().value()).hasSize(2);
        // 18 June 09:00 UTC, when the sale was deleted, is still 17 June in Honolulu; its creation was on the 16th there.
        LocalDate june17 = LocalDate.of(2025, 6, 17);
        AuditQuery honolulu = new AuditQuery(Optional.empty(), Optional.empty(), Optional.of(june17), Optional.of(june17),
                ZoneId.of("Pacific/Honolulu"), Optional.empty(), Optional.empty());
        assertThat(all(honolulu)).extracting(AuditRecord::action).containsExactly(AuditAction.DELETE);
        assertThat(all(everything.withDates(Optional.empty(), Optional.of(LocalDate.of(2025, 6, 14))))).isEmpty();
    }

    @Test
    void theUserFilterMatchesPartOfTheNameInAnyCaseAndWildcardsAsText() {
        assertThat(all(everything.withUser(Optional.of(" SAM@Harper ")))).hasSize(2)
                .allSatisfy(event -> assertThat(event.user()).isEqualTo(AuditScenario.SAM));
        assertThat(all(everything.withUser(Optional.of("%")))).isEmpty();
        assertThat(all(everything.withUser(Optional.of("_")))).isEmpty();
        assertThat(all(everything.withUser(Optional.of("\"open\")")))).hasSize(1);
        assertThat(all(everything.withUser(Optional.of("   "))).size()).isEqualTo(queries.page(everything, 0, 1).total());
    }

    @Test
    void aStartAfterTheEndIsRefusedWithBothDates() {
        assertThatThrownBy(() -> everything.withDates(Optional.of(LocalDate.of(2025, 6, 18)),
                Optional.of(LocalDate.of(2025, 6, 17))))
                .isInstanceOf(DomainException.class)
                .hasMessage("The start date 2025-06-18 is after the end date 2025-06-17.");
    }

    @Test
    void pagesCountEveryMatchAndWalkTheWholeTrail() {
        AuditQuery transactions = everything.withEntityType(Optional.of(EntityType.TRANSACTION));

        AuditPage middle = queries.page(transactions, 1, 1);

        assertThat(middle.total()).isEqualTo(3);
        assertThat(middle.events()).extracting(AuditRecord::action).containsExactly(AuditAction.DELETE);
        assertThat(middle.hasNext()).isTrue();
        assertThat(middle.hasPrevious()).isTrue();
        List<Integer> sizes = new ArrayList<>();
        queries.forEach(transactions, 2, page -> sizes.add(page.events().size()));
        assertThat(sizes).containsExactly(2, 1);
        assertThat(queries.page(transactions.withUser(Optional.of("nobody")), 0, 10).events()).isEmpty();
    }
}
