package app.booksflow.testdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PracticeSpecTest {

    @Test
    void presetsHaveTheAgreedSizes() {
        assertThat(PracticeSpec.tiny()).extracting(PracticeSpec::clients, PracticeSpec::transactions)
                .containsExactly(1, 10L);
        assertThat(PracticeSpec.demo()).extracting(PracticeSpec::clients, PracticeSpec::transactions, PracticeSpec::days)
                .containsExactly(5, 20_000L, 731);
        assertThat(PracticeSpec.large()).extracting(PracticeSpec::clients, PracticeSpec::transactions)
                .containsExactly(200, 1_000_000L);
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            # clients, transactions, from,       to
                    0,           10, 2025-01-01, 2025-12-31
                    1,           -1, 2025-01-01, 2025-12-31
                    1,           10, 2025-02-01, 2025-01-31
                    1,           10, 1969-12-01, 2025-01-31
            """)
    void refusesSpecsThatCannotBeGenerated(int clients, long transactions, LocalDate from, LocalDate to) {
        assertThatThrownBy(() -> new PracticeSpec(1, clients, transactions, from, to))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void withersChangeOnlyTheirComponent() {
        PracticeSpec spec = PracticeSpec.demo().withSeed(7).withClients(9).withTransactions(123)
                .withPeriod(LocalDate.of(2023, 1, 1), LocalDate.of(2023, 6, 30));

        assertThat(spec).isEqualTo(new PracticeSpec(7, 9, 123, LocalDate.of(2023, 1, 1), LocalDate.of(2023, 6, 30)));
    }
}
