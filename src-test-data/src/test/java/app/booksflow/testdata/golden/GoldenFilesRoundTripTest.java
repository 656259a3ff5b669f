package app.booksflow.testdata.golden;

import static org.assertj.core.api.Assertions.assertThat;

import app.booksflow.json.BooksFlowJson;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every golden file reads into its type and writes back to the same JSON, so the wire format cannot
 * change by accident; and messages from newer peers, with fields this version does not know, still read.
 */
class GoldenFilesRoundTripTest {

    private static final String CASES = """
            protocol/mutation-upsert.json,                app.booksflow.protocol.Mutation
            protocol/mutation-delete.json,                app.booksflow.protocol.Mutation
            protocol/push-request.json,                   app.booksflow.protocol.PushRequest
            protocol/push-response.json,                  app.booksflow.protocol.PushResponse
            protocol/push-response-conflict-deleted.json, app.booksflow.protocol.PushResponse
            protocol/pull-response.json,                  app.booksflow.protocol.PullResponse
            protocol/pull-response-empty.json,            app.booksflow.protocol.PullResponse
            protocol/blob-ref.json,                       app.booksflow.protocol.BlobRef
            protocol/api-error.json,                      app.booksflow.protocol.ApiError
            protocol/client-checksum.json,                app.booksflow.protocol.ClientChecksum
            protocol/watch-request.json,                  app.booksflow.protocol.WatchRequest
            protocol/watch-response.json,                 app.booksflow.protocol.WatchResponse
            payload/transaction.json,                     app.booksflow.model.ledger.Transaction
            payload/client.json,                          app.booksflow.model.practice.Client
            payload/account.json,                         app.booksflow.model.ledger.Account
            payload/tax-code.json,                        app.booksflow.model.ledger.TaxCode
            payload/receipt.json,                         app.booksflow.model.receipt.Receipt
            payload/receipt-failed.json,                  app.booksflow.model.receipt.Receipt
            """;

    /** 1 read as an int and 1 written from a long are the same number on the wire. */
    private static final Comparator<JsonNode> SAME_NUMBER = (a, b) -> a.equals(b)
            || (a.isNumber() && b.isNumber() && a.decimalValue().compareTo(b.decimalValue()) == 0) ? 0 : 1;

    private final ObjectMapper json = BooksFlowJson.newMapper();

    @ParameterizedTest(name = "{0}")
    @CsvSource(textBlock = CASES)
    void readsAndWritesBackTheSameJson(String file, Class<?> type) throws IOException {
        JsonNode golden = json.readTree(GoldenFiles.read(file));

        Object message = json.treeToValue(golden, type);

        JsonNode written = json.valueToTree(message);
        assertThat(written.equals(SAME_NUMBER, golden))
                .as("%s written back:%n%s%nexpected:%n%s", file, written.toPrettyString(), golden.toPrettyString())
                .isTrue();
        assertThat(json.readValue(json.writeValueAsString(message), type)).isEqualTo(message);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(textBlock = """
            tolerance/push-request-from-newer-peer.json,     protocol/push-request.json,  app.booksflow.protocol.PushRequest
            tolerance/pull-response-from-newer-server.json,  protocol/pull-response.json, app.booksflow.protocol.PullResponse
            """)
    void readsMessagesOfNewerPeersIgnoringWhatItDoesNotKnow(String newer, String known, Class<?> type) throws IOException {
        Object fromNewer = json.readValue(GoldenFiles.read(newer), type);
        Object expected = json.readValue(GoldenFiles.read(known), type);

        // Only the entity payload keeps the unknown fields: it is passed on untouched to the entity's reader.
        assertThat(json.writeValueAsString(fromNewer).replaceAll(",\"(costCentre|project)\":(\"North\"|\\{\"code\":\"P-7\"})", ""))
                .isEqualTo(json.writeValueAsString(expected));
    }

    @Test
    void everyGoldenFileIsCovered() throws IOException, URISyntaxException {
        Path root = Path.of(GoldenFiles.class.getResource(GoldenFiles.ROOT).toURI());
        List<String> covered = Stream.concat(
                        CASES.lines().map(line -> line.split(",")[0].strip()),
                        Stream.of("tolerance/push-request-from-newer-peer.json", "tolerance/pull-response-from-newer-server.json"))
                .filter(name -> !name.isEmpty())
                .toList();

        try (Stream<Path> files = Files.walk(root)) {
            List<String> all = files.filter(Files::isRegularFile)
                    .map(path -> root.relativize(path).toString().replace('\\', '/'))
                    .toList();
            assertThat(covered).containsExactlyInAnyOrderElementsOf(all);
        }
    }
}
