package app.booksflow.desktop.receipts.imports;

import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The imports of this session at one moment, for a progress view: every batch with each file's state,
 * and the rate and time left over all of them.
 *
 * @param filesPerMinute over the last minute of reading; 0 before the first file finished
 * @param timeLeft       for the files still queued at that rate; empty while there is no rate
 */
public record ImportSnapshot(List<Batch> batches, double filesPerMinute, Optional<Duration> timeLeft) {

    public static final ImportSnapshot EMPTY = new ImportSnapshot(List.of(), 0, Optional.empty());

    public ImportSnapshot {
        batches = List.copyOf(batches);
    }

    public record File(long id, Path path, ImportFileState state, Optional<String> reason) {
    }

    public record Batch(UUID id, String source, boolean paused, List<File> files) {

        public Batch {
            files = List.copyOf(files);
        }

        public Map<ImportFileState, Integer> counts() {
            Map<ImportFileState, Integer> counts = new EnumMap<>(ImportFileState.class);
            for (ImportFileState state : ImportFileState.values()) {
                counts.put(state, 0);
            }
            files.forEach(file -> counts.merge(file.state(), 1, Integer::sum));
            return counts;
        }

        public boolean isFinished() {
            return files.stream().allMatch(file -> file.state().isFinished());
        }
    }

    public int total() {
        return batches.stream().mapToInt(batch -> batch.files().size()).sum();
    }

    public int count(ImportFileState state) {
        return (int) batches.stream().flatMap(batch -> batch.files().stream()).filter(f -> f.state() == state).count();
    }

    /** Files that got to an end state. */
    public int finished() {
        return (int) batches.stream().flatMap(batch -> batch.files().stream()).filter(f -> f.state().isFinished()).count();
    }

    /** True when a file is queued or being read. */
    public boolean isBusy() {
        return finished() < total();
    }
}
