package app.booksflow.desktop.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.booksflow.desktop.support.AuditScenario;
import app.booksflow.desktop.support.TestBooks;
import app.booksflow.model.EntityType;
import app.booksflow.model.id.ClientId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditCsvTest {

    @TempDir
    Path dir;
    private TestBooks books;
    private AuditScenario scenario;
    private AuditQueries queries;
    private Map<ClientId, String> names;

    @BeforeEach
    void open() {
        books = TestBooks.open(dir.resolve("data"));
        scenario = new AuditScenario(books);
        queries = new AuditQueries(books.store);
        names = Map.of(scenario.bakery.id(), "Hill Street Bakery", scenario.joinery.id(), "Acorn Joinery");
    }

    @AfterEach
    void close() {
        books.close();
    }

    @Test
    void writesTheFilteredEventsWithAHeaderNewestFirst() throws IOException {
        Path file = dir.resolve("audit.csv");
        AuditQuery transactions = AuditQuery.everything(ZoneOffset.UTC).withEntityType(Optional.of(EntityType.TRANSACTION));

        long written = AuditCsv.write(queries, transactions, names, file, done -> { }, () -> false);

        List<String> lines = Files.readAllLines(file);
        assertThat(written).isEqualTo(3);
        assertThat(lines.get(0)).isEqualTo("When,User,Client,Action,Entity,Entity id,Risk,Summary,Before,After");
        assertThat(lines).hasSize(4);
        assertThat(lines.get(1)).startsWith("2025-06-20T09:00:00Z,");
        assertThat(lines.get(2)).startsWith("2025-06-18T09:00:00Z,sam@harper-lowe.example,Hill Street Bakery,DELETE,"
                + "TRANSACTION," + scenario.sale.id().value() + ",HIGH,");
        assertThat(Files.readString(file)).contains("\r\n");
    }

    @Test
    void aUserNameThatIsAFormulaComesOutAsText() throws IOException {
        Path file = dir.resolve("audit.csv");

        AuditCsv.write(queries, AuditQuery.everything(ZoneOffset.UTC).withUser(Optional.of("HYPERLINK")), names, file,
                done -> { }, () -> false);

        String row = Files.readAllLines(file).get(1);
        assertThat(row).contains(",\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"open\"\")\",Acorn Joinery,");
        assertThat(row).doesNotContain(",=HYPERLINK").doesNotContain(",\"=HYPERLINK");
    }

    @Test
    void aCancelledExportLeavesNoFileAndKeepsAnOlderOne() throws IOException {
        Path file = Files.writeString(dir.resolve("audit.csv"), "last month's export");

        assertThatThrownBy(() -> AuditCsv.write(queries, AuditQuery.everything(ZoneOffset.UTC), names, file, done -> { },
                () -> true)).isInstanceOf(CancellationException.class);

        assertThat(file).hasContent("last month's export");
        try (var left = Files.list(dir)) {
            assertThat(left.map(path -> path.getFileName().toString())).containsExactlyInAnyOrder("audit.csv", "data");
        }
    }
}
