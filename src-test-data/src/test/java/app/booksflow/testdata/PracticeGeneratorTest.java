package app.booksflow.testdata;

import static org.assertj.core.api.Assertions.assertThat;

import app.booksflow.model.ledger.ChartTemplate;
import app.booksflow.model.ledger.TaxCode;
import app.booksflow.model.practice.ClientAssignment;
import app.booksflow.model.practice.Role;
import app.booksflow.model.practice.User;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PracticeGeneratorTest {

    static Stream<Arguments> specs() {
        LocalDate january = LocalDate.of(2025, 1, 1);
        return Stream.of(
                Arguments.of(PracticeSpec.tiny()),
                Arguments.of(new PracticeSpec(1, 1, 0, january, january.plusMonths(1))),
                Arguments.of(new PracticeSpec(2, 3, 1, january, january.plusYears(1))),
                Arguments.of(new PracticeSpec(3, 7, 999, january, january.plusYears(1))),
                Arguments.of(new PracticeSpec(4, 12, 5_000, january, january.plusMonths(3))),
                Arguments.of(new PracticeSpec(5, 40, 2_000, january, january.plusYears(3))),
                Arguments.of(new PracticeSpec(6, 2, 777, january, january)));
    }

    @ParameterizedTest
    @MethodSource("specs")
    void yieldsExactlyTheRequestedNumberOfTransactions(PracticeSpec spec) {
        GeneratedPractice practice = PracticeGenerator.generate(spec);

        assertThat(practice.transactionCount()).isEqualTo(spec.transactions());
        assertThat(walk(practice.transactions())).isEqualTo(spec.transactions());
        for (GeneratedClient client : practice.clients()) {
            assertThat(walk(client.transactions())).as(client.toString()).isEqualTo(client.transactionCount());
        }
    }

    /** Counts by generating: count() would trust the stream's declared size and generate nothing. */
    private static long walk(Stream<GeneratedTransaction> transactions) {
        return transactions.mapToLong(generated -> 1).sum();
    }

    @Test
    void someClientsAreFarBusierThanOthers() {
        List<Long> counts = Fixtures.LARGE.clients().stream()
                .map(GeneratedClient::transactionCount).sorted().toList();

        assertThat(counts.getLast()).isGreaterThan(20 * counts.getFirst());
        assertThat(counts.getLast()).isLessThan(PracticeSpec.large().transactions() / 10);
    }

    @Test
    void theDemoHasAClientInEachCurrencyFamily() {
        assertThat(Fixtures.DEMO.clients()).extracting(client -> client.client().baseCurrency().getCurrencyCode())
                .containsExactly("GBP", "USD", "EUR", "JPY", "BHD");
    }

    @Test
    void largerPracticesHaveClientsInEveryCountry() {
        assertThat(Fixtures.LARGE.clients()).extracting(GeneratedClient::country)
                .contains(Country.values());
    }

    @Test
    void clientNamesAndEmailAddressesAreUnique() {
        GeneratedPractice practice = Fixtures.LARGE;

        assertThat(practice.clients()).extracting(client -> client.client().name()).doesNotHaveDuplicates();
        assertThat(practice.users()).extracting(User::email).doesNotHaveDuplicates();
    }

    @Test
    void thePracticeHasOneAdminAndAccountantsAssignedToEveryClient() {
        GeneratedPractice practice = Fixtures.DEMO;
        Set<Object> accountants = practice.accountants().stream().map(User::id).collect(Collectors.toSet());

        assertThat(practice.users()).filteredOn(user -> user.role() == Role.ADMIN).containsExactly(practice.admin());
        assertThat(practice.accountants()).hasSizeGreaterThanOrEqualTo(2)
                .allSatisfy(user -> assertThat(user.role()).isEqualTo(Role.ACCOUNTANT));
        assertThat(practice.assignments()).extracting(ClientAssignment::accountant).allMatch(accountants::contains);
        assertThat(practice.assignments()).extracting(ClientAssignment::client)
                .containsAll(practice.clients().stream().map(client -> client.client().id()).toList());
    }

    @Test
    void clientUsersBelongToTheirOwnClient() {
        GeneratedPractice practice = Fixtures.DEMO;

        assertThat(practice.clientUsers()).isNotEmpty().allSatisfy(user -> {
            assertThat(user.role()).isEqualTo(Role.CLIENT);
            assertThat(practice.client(user.client().orElseThrow())).isPresent();
        });
        assertThat(PracticeGenerator.generate(PracticeSpec.tiny()).clientUsers()).hasSize(1);
    }

    @Test
    void everyClientHasTheSmallBusinessChart() {
        for (GeneratedClient client : Fixtures.DEMO.clients()) {
            assertThat(client.chart().client()).isEqualTo(client.client().id());
            assertThat(client.chart().accounts()).extracting(account -> account.code())
                    .containsExactlyElementsOf(ChartTemplate.smallBusiness().entries().stream()
                            .map(ChartTemplate.Entry::code).toList());
        }
    }

    @Test
    void salesTaxGoesToTaxPayableAndPurchaseTaxToTaxReceivable() {
        for (GeneratedClient client : Fixtures.DEMO.clients()) {
            assertThat(client.taxCodes()).isNotEmpty().allSatisfy(code -> {
                String account = code.code().endsWith("-P") ? "1200" : "2200";
                assertThat(code.taxAccount()).isEqualTo(client.account(account).id());
                assertThat(code.client()).isEqualTo(client.client().id());
            });
        }
    }

    @Test
    void eachCountryHasItsOwnRates() {
        assertThat(ratesOf(Country.UNITED_KINGDOM)).containsExactlyInAnyOrder("20", "5", "0");
        assertThat(ratesOf(Country.GERMANY)).containsExactlyInAnyOrder("19", "7");
        assertThat(ratesOf(Country.JAPAN)).containsExactlyInAnyOrder("10", "8");
        assertThat(ratesOf(Country.BAHRAIN)).containsExactlyInAnyOrder("10", "0");
        assertThat(ratesOf(Country.FRANCE)).containsExactlyInAnyOrder("20", "10", "5.5");
        assertThat(ratesOf(Country.UNITED_STATES)).hasSize(1);
    }

    @Test
    void currenciesKeepTheirMinorUnits() {
        assertThat(Country.JAPAN.currency()).extracting(Currency::getDefaultFractionDigits).isEqualTo(0);
        assertThat(Country.BAHRAIN.currency()).extracting(Currency::getDefaultFractionDigits).isEqualTo(3);
    }

    private static Set<String> ratesOf(Country country) {
        return Fixtures.LARGE.clients().stream()
                .filter(client -> client.country() == country).findFirst().orElseThrow()
                .taxCodes().stream().map(TaxCode::rate).map(rate -> rate.percent().toPlainString())
                .collect(Collectors.toSet());
    }
}
