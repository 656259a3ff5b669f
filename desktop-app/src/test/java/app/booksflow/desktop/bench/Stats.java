package app.booksflow.desktop.bench;

import java.util.List;

/** Percentiles of measured durations (nearest rank). */
final class Stats {

    private Stats() {
    }

    static long percentile(List<Long> values, int percent) {
        if (values.isEmpty()) {
            return 0;
        }
        List<Long> sorted = values.stream().sorted().toList();
        int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
        return sorted.get(Math.clamp(rank - 1, 0, sorted.size() - 1));
    }
}
