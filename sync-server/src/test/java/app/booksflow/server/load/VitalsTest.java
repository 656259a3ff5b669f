package app.booksflow.server.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class VitalsTest {

    @Test
    void steadyReadingsAreFlat() {
        Vitals.Verdict verdict = Vitals.judge(readings(i -> 400L << 20, i -> 12.0, i -> 0));

        assertThat(verdict.flat()).as(verdict.text()).isTrue();
    }

    @Test
    void aHeapThatKeepsGrowingIsNotFlat() {
        Vitals.Verdict verdict = Vitals.judge(readings(i -> (200L + 20L * i) << 20, i -> 12.0, i -> 0));

        assertThat(verdict.flat()).isFalse();
        assertThat(verdict.text()).contains("GREW");
    }

    @Test
    void latencyThatCreepsUpIsNotFlat() {
        assertThat(Vitals.judge(readings(i -> 400L << 20, i -> 10.0 + 5 * i, i -> 0)).flat()).isFalse();
    }

    @Test
    void requestsOftenWaitingForAConnectionIsNotFlat() {
        Vitals.Verdict verdict = Vitals.judge(readings(i -> 400L << 20, i -> 12.0, i -> i % 3 == 0 ? 4 : 0));

        assertThat(verdict.flat()).isFalse();
        assertThat(verdict.text()).contains("TOO MANY");
    }

    @Test
    void tooFewReadingsAreNotJudgedFlat() {
        assertThat(Vitals.judge(readings(i -> 1L, i -> 1.0, i -> 0).subList(0, 5)).flat()).isFalse();
    }

    private static List<Vitals.Sample> readings(java.util.function.IntToLongFunction heap,
            java.util.function.IntToDoubleFunction p95, java.util.function.IntUnaryOperator waiting) {
        List<Vitals.Sample> samples = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            samples.add(new Vitals.Sample(10L * i, 100, p95.applyAsDouble(i), 0, heap.applyAsLong(i), 3,
                    waiting.applyAsInt(i)));
        }
        return samples;
    }
}
