package app.booksflow.testdata;

import static org.assertj.core.api.Assertions.assertThat;

import app.booksflow.model.id.Uuid7;
import app.booksflow.model.ledger.Transaction;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DeterminismTest {

    @Test
    void theSameSpecGivesTheSamePracticeDownToEveryIdAndAmount() {
        GeneratedPractice again = PracticeGenerator.generate(PracticeSpec.demo());

        assertThat(Fixtures.fingerprint(again)).isEqualTo(Fixtures.fingerprint(Fixtures.DEMO));
    }

    @Test
    void theSameSpecGivesEqualTransactionRecords() {
        PracticeSpec spec = PracticeSpec.demo().withTransactions(3_000);

        assertThat(PracticeGenerator.generate(spec).transactionList())
                .isEqualTo(PracticeGenerator.generate(spec).transactionList());
    }

    @ParameterizedTest
    @ValueSource(longs = {PracticeSpec.DEFAULT_SEED + 1, 0, -1, 42})
    void anotherSeedGivesAnotherPractice(long seed) {
        PracticeSpec spec = PracticeSpec.demo().withTransactions(2_000);

        assertThat(Fixtures.fingerprint(PracticeGenerator.generate(spec.withSeed(seed))))
                .isNotEqualTo(Fixtures.fingerprint(PracticeGenerator.generate(spec)));
    }

    @Test
    void streamingAClientTwiceGivesTheSameTransactions() {
        GeneratedClient client = Fixtures.DEMO.clients().get(2);

        assertThat(client.transactions().toList()).isEqualTo(client.transactions().toList());
    }

    @Test
    void clientsGeneratedInParallelGiveTheSameTransactionsAsOneAfterTheOther() {
        Map<Integer, List<GeneratedTransaction>> parallel = Fixtures.DEMO.clients().parallelStream()
                .collect(Collectors.toConcurrentMap(GeneratedClient::index, client -> client.transactions().toList()));

        assertThat(Fixtures.DEMO.clients().stream().flatMap(client -> parallel.get(client.index()).stream()).toList())
                .isEqualTo(Fixtures.DEMO.transactionList());
    }

    @Test
    void idsCarryTheBusinessDateNotTheWallClock() {
        Map<Integer, GeneratedClient> byIndex = Fixtures.DEMO.clients().stream()
                .collect(Collectors.toMap(GeneratedClient::index, Function.identity()));
        for (GeneratedClient client : byIndex.values()) {
            client.transactions().map(GeneratedTransaction::transaction).forEach(transaction -> {
                LocalDate stamped = Uuid7.timestampOf(transaction.id().value()).atOffset(client.country().offset())
                        .toLocalDate();
                assertThat(stamped).as(transaction.toString()).isEqualTo(transaction.date());
            });
        }
    }

    @Test
    void idsIncreaseWithTheDatesOfAClientsTransactions() {
        for (GeneratedClient client : Fixtures.DEMO.clients()) {
            List<Transaction> transactions = client.transactions().map(GeneratedTransaction::transaction).toList();
            for (int i = 1; i < transactions.size(); i++) {
                assertThat(transactions.get(i).date()).isAfterOrEqualTo(transactions.get(i - 1).date());
                assertThat(transactions.get(i).id().value()).isGreaterThan(transactions.get(i - 1).id().value());
            }
        }
    }
}
