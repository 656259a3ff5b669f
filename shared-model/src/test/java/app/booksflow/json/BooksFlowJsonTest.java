package app.booksflow.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.booksflow.model.DomainError;
import app.booksflow.model.DomainException;
import app.booksflow.model.EntityType;
import app.booksflow.model.id.DeviceId;
import app.booksflow.model.id.MutationId;
import app.booksflow.model.id.ClientId;
import app.booksflow.model.id.OrganizationId;
import app.booksflow.model.money.Currencies;
import app.booksflow.model.money.Money;
import app.booksflow.model.money.TaxRate;
import app.booksflow.model.practice.Client;
import app.booksflow.protocol.Mutation;
import app.booksflow.protocol.Operation;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class BooksFlowJsonTest {

    private final ObjectMapper json = BooksFlowJson.newMapper();

    @Test
    void writesMoneyWithTheAmountAsAnExactString() throws Exception {
        assertThat(json.writeValueAsString(Money.ofMinor(-120050, Currencies.EUR)))
                .isEqualTo("{\"amount\":\"-1200.50\",\"currency\":\"EUR\"}");
        assertThat(json.writeValueAsString(Money.ofMinor(5, Currencies.BHD)))
                .isEqualTo("{\"amount\":\"0.005\",\"currency\":\"BHD\"}");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            {"amount":"12.50","currency":"EUR"} | 1250
            {"amount":12.5,"currency":"EUR"}    | 1250
            {"amount":"-3","currency":"JPY"}    | -3
            """)
    void readsMoneyFromStringsOrExactNumbers(String text, long minor) throws Exception {
        assertThat(json.readValue(text, Money.class).minorUnits()).isEqualTo(minor);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            {"amount":"12.345","currency":"EUR"}                       | TOO_MANY_DECIMALS
            {"amount":"12.50","currency":"EURO"}                       | UNKNOWN_CURRENCY
            {"amount":"99999999999999999999999","currency":"EUR"}      | AMOUNT_OVERFLOW
            """)
    void refusesMoneyThatBreaksTheRulesWithTheDomainReason(String text, DomainError error) {
        assertThatThrownBy(() -> json.readValue(text, Money.class))
                .isInstanceOf(JsonMappingException.class)
                .rootCause()
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.error()).isEqualTo(error));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            {"amount":"1,5","currency":"EUR"}
            {"amount":true,"currency":"EUR"}
            {"amount":"12.50"}
            "12.50 EUR"
            """)
    void refusesMalformedMoney(String text) {
        assertThatThrownBy(() -> json.readValue(text, Money.class)).isInstanceOf(JsonMappingException.class);
    }

    @Test
    void writesIdsAsPlainStringsAndDatesAsIsoText() throws Exception {
        UUID uuid = UUID.fromString("0190a2b4-5c6d-7e8f-9a0b-1c2d3e4f5a6b");
        Client client = new Client(new ClientId(uuid), new OrganizationId(uuid), "Hill Street Bakery", Currencies.GBP,
                MonthDay.of(4, 6), Optional.of(LocalDate.of(2025, 4, 5)));

        JsonNode tree = json.valueToTree(client);

        assertThat(tree.get("id").textValue()).isEqualTo(uuid.toString());
        assertThat(tree.get("baseCurrency").textValue()).isEqualTo("GBP");
        assertThat(tree.get("fiscalYearStart").textValue()).isEqualTo("--04-06");
        assertThat(tree.get("closingDate").textValue()).isEqualTo("2025-04-05");
        assertThat(json.treeToValue(tree, Client.class)).isEqualTo(client);
    }

    @Test
    void leavesOutEmptyOptionalsAndReadsThemBackAsEmpty() throws Exception {
        Client client = new Client(ClientId.random(), OrganizationId.random(), "Nova GmbH", Currencies.EUR,
                MonthDay.of(1, 1), Optional.empty());

        JsonNode tree = json.valueToTree(client);

        assertThat(tree.has("closingDate")).isFalse();
        assertThat(json.treeToValue(tree, Client.class).closingDate()).isEmpty();
    }

    @Test
    void ignoresFieldsItDoesNotKnow() throws Exception {
        String text = "{\"percent\":\"20\"}";
        assertThat(json.readValue("\"8.875\"", TaxRate.class)).isEqualTo(TaxRate.ofPercent("8.875"));
        assertThat(json.readValue("{\"id\":\"" + UUID.randomUUID() + "\",\"organization\":\"" + UUID.randomUUID()
                + "\",\"name\":\"A\",\"baseCurrency\":\"EUR\",\"fiscalYearStart\":\"--01-01\",\"addedInVersion9\":{\"x\":1}}",
                Client.class).name()).isEqualTo("A");
        assertThatThrownBy(() -> json.readValue(text, TaxRate.class)).isInstanceOf(JsonMappingException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.5", "2.0", "1e0"})
    void refusesAWholeNumberWrittenWithAFraction(String baseVersion) throws Exception {
        Mutation mutation = new Mutation(MutationId.random(), DeviceId.random(), 7, ClientId.random(),
                EntityType.TRANSACTION, UUID.randomUUID(), Operation.UPSERT, 1, json.createObjectNode(),
                Instant.parse("2026-11-28T07:00:00Z"));
        String written = json.writeValueAsString(mutation);
        String text = written.replace("\"baseVersion\":1", "\"baseVersion\":" + baseVersion);
        assertThat(json.readValue(written, Mutation.class)).isEqualTo(mutation);

        assertThatThrownBy(() -> json.readValue(text, Mutation.class))
                .isInstanceOf(JsonMappingException.class)
                .hasMessageContaining("baseVersion");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            {"amount":"1.00","currency":"EUR","amount":"100.00"} | Duplicate field 'amount'
            {"amount":"1.00","currency":"EUR"} {"amount":"2.00"} | Trailing token
            """)
    void refusesABodyThatCanBeReadTwoWays(String text, String reason) throws Exception {
        assertThatThrownBy(() -> json.readValue(text, Money.class)).hasMessageContaining(reason);
        assertThatThrownBy(() -> json.readTree(text)).hasMessageContaining(reason);
    }

    @Test
    void readsAmountsInsideOtherValues() throws Exception {
        record Line(Money net, Money tax) {
        }
        Line line = new Line(Money.ofMinor(1250, Currencies.EUR), Money.ofMinor(238, Currencies.EUR));

        assertThat(json.readValue(json.writeValueAsString(line), Line.class)).isEqualTo(line);
        assertThat(json.treeToValue(json.valueToTree(line), Line.class)).isEqualTo(line);
    }

    @Test
    void refusesAnIdThatIsNotAUuid() {
        assertThatThrownBy(() -> json.readValue("\"client-42\"", ClientId.class))
                .isInstanceOf(JsonMappingException.class)
                .hasMessageContaining("client-42");
    }
}
