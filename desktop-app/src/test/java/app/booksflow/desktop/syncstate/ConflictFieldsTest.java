package app.booksflow.desktop.syncstate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.booksflow.json.BooksFlowJson;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConflictFieldsTest {

    private static final ObjectMapper JSON = BooksFlowJson.newMapper();

    private static final String THEIRS = """
            {"id":"t1","date":"2025-03-03","payee":"Market stall (Saturday)","memo":"stall fee",
             "total":{"amount":"120.00","currency":"EUR"},"splits":[{"account":"a1","amount":{"amount":"120.00","currency":"EUR"}}]}""";
    private static final String MINE = """
            {"id":"t1","date":"2025-03-03","payee":"Farmers' market","memo":"weekly",
             "total":{"amount":"120.00","currency":"EUR"},"splits":[{"account":"a2","amount":{"amount":"120.00","currency":"EUR"}}]}""";

    @Test
    void differingFieldsAreTheTopLevelFieldsWithUnequalValuesInTheServersOrder() {
        assertThat(ConflictFields.differing(Optional.of(MINE), Optional.of(THEIRS)))
                .containsExactly("payee", "memo", "splits");
    }

    @Test
    void everyFieldOfEitherSideIsListedWithBothValues() {
        List<ConflictFields.Field> fields = ConflictFields.of(Optional.of("{\"a\":1,\"only\":\"mine\"}"),
                Optional.of("{\"b\":2,\"a\":1}"));

        assertThat(fields).extracting(ConflictFields.Field::name).containsExactly("b", "a", "only");
        assertThat(fields.get(0).mine()).isEmpty();
        assertThat(fields.get(0).theirs()).map(JsonNode::asInt).contains(2);
        assertThat(fields).extracting(ConflictFields.Field::differs).containsExactly(true, false, true);
    }

    @Test
    void aMissingVersionMakesEveryFieldOfTheOtherDiffer() {
        assertThat(ConflictFields.differing(Optional.of(MINE), Optional.empty()))
                .containsExactly("id", "date", "payee", "memo", "total", "splits");
    }

    @Test
    void equalVersionsHaveNoDifferingField() {
        assertThat(ConflictFields.differing(Optional.of(THEIRS), Optional.of(THEIRS.replace("\n", " ")))).isEmpty();
    }

    @Test
    void mergeIsTheServersVersionWithTheChosenFieldsTakenFromMine() throws Exception {
        String merged = ConflictFields.merge(MINE, THEIRS, Set.of("payee"));

        JsonNode node = JSON.readTree(merged);
        assertThat(node.get("payee").asText()).isEqualTo("Farmers' market");
        assertThat(node.get("memo").asText()).isEqualTo("stall fee");
        assertThat(node.get("splits").get(0).get("account").asText()).as("nested values come whole from one side")
                .isEqualTo("a1");
        assertThat(ConflictFields.differing(Optional.of(merged), Optional.of(THEIRS))).containsExactly("payee");
    }

    @Test
    void mergeKeepsTheServersFieldOrder() {
        String merged = ConflictFields.merge(MINE, THEIRS, Set.of("memo", "payee"));

        assertThat(merged).startsWith("{\"id\":\"t1\",\"date\":\"2025-03-03\",\"payee\":\"Farmers' market\",\"memo\":\"weekly\"");
    }

    @Test
    void aFieldChosenFromMineThatMineLacksIsLeftOut() throws Exception {
        String merged = ConflictFields.merge("{\"id\":\"t1\"}", "{\"id\":\"t1\",\"memo\":\"x\"}", Set.of("memo"));

        assertThat(JSON.readTree(merged).has("memo")).isFalse();
    }

    @Test
    void mergingWithNothingChosenGivesTheServersVersion() throws Exception {
        assertThat(JSON.readTree(ConflictFields.merge(MINE, THEIRS, Set.of()))).isEqualTo(JSON.readTree(THEIRS));
    }

    @Test
    void aVersionThatIsNotAJsonObjectIsRefused() {
        assertThatThrownBy(() -> ConflictFields.of(Optional.of("[1,2]"), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a JSON object");
        assertThatThrownBy(() -> ConflictFields.merge("{", THEIRS, Set.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not JSON");
    }
}
