package app.booksflow.testdata;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Pins the generator's output. Fails on another machine or JDK if determinism leaks, and on purpose
 * when the generator is changed: then check that the change was meant, update the fingerprints, and
 * expect golden files built from generated data elsewhere to need the same update.
 */
class GoldenOutputTest {

    static Stream<Arguments> pinned() {
        return Stream.of(
                Arguments.of(PracticeSpec.tiny(), "bd6f05c39d807042197cfa794031fa865aa31e95704f15b167c543e36b197b6b"),
                Arguments.of(new PracticeSpec(7, 6, 1_200, LocalDate.of(2024, 7, 1), LocalDate.of(2025, 6, 30)),
                        "40355f838f3e5eb5f5fa581da9fcd0fc1f2ebedcf2c70f13f3fc487ec8bd6002"));
    }

    @ParameterizedTest
    @MethodSource("pinned")
    void theOutputOfAPinnedSpecNeverChangesUnnoticed(PracticeSpec spec, String fingerprint) {
        assertThat(Fixtures.fingerprint(PracticeGenerator.generate(spec))).isEqualTo(fingerprint);
    }
}
