package app.booksflow.testdata;

import static org.assertj.core.api.Assertions.assertThat;

import app.booksflow.model.ledger.Posting;
import app.booksflow.model.ledger.Split;
import app.booksflow.model.ledger.Transaction;
import app.booksflow.model.ledger.TransactionStatus;
import app.booksflow.model.money.Money;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class TransactionsTest {

    private static final PracticeSpec SPEC = PracticeSpec.demo();

    @Test
    void everyTransactionBalancesInItsClientsCurrency() {
        for (GeneratedClient client : Fixtures.DEMO.clients()) {
            client.transactions().map(GeneratedTransaction::transaction).forEach(transaction -> {
                assertThat(transaction.client()).isEqualTo(client.client().id());
                assertThat(transaction.total().currency()).isEqualTo(client.client().baseCurrency());
                Money splits = Money.sum(transaction.splits().stream().map(Split::amount).toList(),
                        transaction.total().currency());
                assertThat(splits).isEqualTo(transaction.total());
                Money postings = Money.sum(transaction.postings(client::taxCode).stream().map(Posting::amount).toList(),
                        transaction.total().currency());
                assertThat(postings.isZero()).as(transaction.toString()).isTrue();
            });
        }
    }

    @Test
    void everyTransactionIsDatedWithinTheSpecsPeriod() {
        assertThat(transactions(Fixtures.DEMO)).allSatisfy(transaction ->
                assertThat(transaction.date()).isBetween(SPEC.from(), SPEC.to()));
    }

    @Test
    void splitsBookToTheClientsOwnAccountsAndTaxCodes() {
        for (GeneratedClient client : Fixtures.DEMO.clients()) {
            client.transactions().flatMap(generated -> generated.transaction().splits().stream()).forEach(split -> {
                assertThat(client.chart().byId(split.account())).isPresent();
                split.taxCode().ifPresent(client::taxCode);
            });
        }
    }

    @Test
    void someTransactionsHaveSeveralSplits() {
        Map<Integer, Long> bySplitCount = transactions(Fixtures.DEMO).stream()
                .collect(Collectors.groupingBy(transaction -> transaction.splits().size(), Collectors.counting()));

        assertThat(bySplitCount).containsKeys(1, 2, 3);
        assertThat(bySplitCount.get(1)).isGreaterThan(bySplitCount.get(2) + bySplitCount.get(3));
    }

    @Test
    void rentIsPaidOnTheSameDayEveryMonth() {
        for (GeneratedClient client : Fixtures.DEMO.clients()) {
            List<Transaction> rent = onAccount(client, "6000");

            assertThat(rent).extracting(transaction -> YearMonth.from(transaction.date())).doesNotHaveDuplicates()
                    .hasSize(24);
            assertThat(rent).extracting(transaction -> transaction.date().getDayOfMonth()).containsOnly(
                    rent.getFirst().date().getDayOfMonth());
            assertThat(rent).extracting(Transaction::payee).containsOnly(rent.getFirst().payee());
        }
    }

    @Test
    void subscriptionsCostTheSameEveryMonthWhileElectricityVaries() {
        for (GeneratedClient client : Fixtures.DEMO.clients()) {
            Map<String, Set<Money>> subscriptions = onAccount(client, "6200").stream()
                    .filter(transaction -> transaction.memo().contains("subscription"))
                    .collect(Collectors.groupingBy(Transaction::payee,
                            Collectors.mapping(Transaction::total, Collectors.toSet())));

            assertThat(subscriptions).isNotEmpty().allSatisfy((payee, totals) -> assertThat(totals).hasSize(1));
            assertThat(onAccount(client, "6500")).extracting(Transaction::total).hasSize(24)
                    .doesNotHaveDuplicates();
        }
    }

    @Test
    void theYenClientBooksWholeYenAtYenPrices() {
        GeneratedClient japan = client(Country.JAPAN);
        List<Money> amounts = japan.transactions().flatMap(generated -> generated.transaction().splits().stream())
                .map(Split::amount).toList();

        assertThat(amounts).allSatisfy(amount -> {
            assertThat(amount.currency().getCurrencyCode()).isEqualTo("JPY");
            assertThat(amount.amount().scale()).isZero();
        });
        // Rent in yen, not a dollar figure with a yen label.
        assertThat(onAccount(japan, "6000")).allSatisfy(rent -> assertThat(rent.total().minorUnits()).isLessThan(-50_000));
    }

    @Test
    void theDinarClientUsesAllThreeDecimals() {
        assertThat(client(Country.BAHRAIN).transactions().map(generated -> generated.transaction().total()))
                .allSatisfy(total -> assertThat(total.amount().scale()).isEqualTo(3))
                .anySatisfy(total -> assertThat(total.minorUnits() % 10).isNotZero());
    }

    @Test
    void draftsAreRecentAndNeverInAClosedPeriod() {
        for (GeneratedClient client : Fixtures.DEMO.clients()) {
            List<Transaction> drafts = client.transactions().map(GeneratedTransaction::transaction)
                    .filter(Predicate.not(Transaction::isPosted)).toList();

            assertThat(drafts).isNotEmpty().allSatisfy(draft -> {
                assertThat(draft.status()).isEqualTo(TransactionStatus.DRAFT);
                assertThat(client.client().isClosed(draft.date())).isFalse();
            });
            long recent = drafts.stream().filter(draft -> draft.date().isAfter(SPEC.to().minusDays(14))).count();
            assertThat(recent).isGreaterThan(drafts.size() / 2);
        }
    }

    @Test
    void mostClientsHaveClosedLastYearsBooks() {
        assertThat(Fixtures.LARGE.clients()).filteredOn(client -> client.client().closingDate().isPresent())
                .hasSizeBetween(100, 180);
    }

    @Test
    void takingsPeakInTheHighSeason() {
        GeneratedClient cafe = client(Country.UNITED_KINGDOM);
        Map<Boolean, Long> summerVersusWinter = onAccount(cafe, "4000").stream()
                .filter(takings -> isSummer(takings.date()) || isWinter(takings.date()))
                .collect(Collectors.partitioningBy(takings -> isSummer(takings.date()), Collectors.counting()));

        assertThat(summerVersusWinter.get(true)).isGreaterThan(summerVersusWinter.get(false) * 13 / 10);
    }

    @Test
    void invoicesAreNumberedWithoutGapsEachYear() {
        List<String> numbers = onAccount(client(Country.UNITED_STATES), "4100").stream()
                .filter(invoice -> invoice.date().getYear() == 2025).map(Transaction::memo).toList();

        assertThat(numbers).isNotEmpty().first().isEqualTo("Invoice INV-2025-0001");
        assertThat(numbers.getLast()).isEqualTo("Invoice INV-2025-%04d".formatted(numbers.size()));
    }

    @Test
    void customersComeBack() {
        Map<String, Long> invoicesPerCustomer = onAccount(client(Country.JAPAN), "4100").stream()
                .collect(Collectors.groupingBy(Transaction::payee, Collectors.counting()));

        assertThat(invoicesPerCustomer.values()).allMatch(count -> count > 1);
    }

    @Test
    void aTinyPracticeStillPaysItsRent() {
        GeneratedPractice tiny = PracticeGenerator.generate(PracticeSpec.tiny());

        assertThat(onAccount(tiny.clients().getFirst(), "6000")).hasSize(1);
    }

    private static boolean isSummer(LocalDate date) {
        return date.getMonthValue() >= 6 && date.getMonthValue() <= 8;
    }

    private static boolean isWinter(LocalDate date) {
        return date.getMonthValue() <= 2 || date.getMonthValue() == 12;
    }

    private static List<Transaction> transactions(GeneratedPractice practice) {
        return practice.transactions().map(GeneratedTransaction::transaction).toList();
    }

    private static GeneratedClient client(Country country) {
        return Fixtures.DEMO.clients().stream().filter(client -> client.country() == country).findFirst().orElseThrow();
    }

    private static List<Transaction> onAccount(GeneratedClient client, String code) {
        var account = client.account(code).id();
        return client.transactions().map(GeneratedTransaction::transaction)
                .filter(transaction -> transaction.splits().stream().anyMatch(split -> split.account().equals(account)))
                .toList();
    }
}
