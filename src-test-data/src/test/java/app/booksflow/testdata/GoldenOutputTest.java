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
                Arguments.of(PracticeSpec.tiny(), "0834c076e60192c0a5ddc015edd259d195f9b249f0d8930e28a88c0f067aae43"),
                Arguments.of(new PracticeSpec(7, 6, 1_200, LocalDate.of(2024, 7, 1), LocalDate.of(2025, 6, 30)),
                        "26f77a755b27b5a055c05ff0226650b8198b7fce2a0fdc0d740eaa22eb4b1455"));
    }

    @ParameterizedTest
    @MethodSource("pinned")
    void theOutputOfAPinnedSpecNeverChangesUnnoticed(PracticeSpec spec, String fingerprint) {
        assertThat(Fixtures.fingerprint(PracticeGenerator.generate(spec))).isEqualTo(fingerprint);
    }
}
