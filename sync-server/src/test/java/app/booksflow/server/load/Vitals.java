package app.booksflow.server.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The server's vital signs during a run, read every ten seconds from its admin status page's JSON (as
 * an admin would watch them): throughput, p95 and errors of the last minute, heap in use, connections
 * busy and waiting. Written as CSV at the end, with a verdict on whether they stayed flat: the last
 * quarter of the run against the second (the first is warm-up).
 */
public final class Vitals implements AutoCloseable {

    /** One reading. */
    public record Sample(long second, double requestsPerSecond, double p95Millis, long errors, long heapBytes,
            int poolBusy, int poolWaiting) {
    }

    /** Whether heap, pool and latency stayed flat, and the figures that say so. */
    public record Verdict(boolean flat, String text) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();
    private final String baseUrl;
    private final String token;
    private final List<Sample> samples = new ArrayList<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("vitals").factory());
    private final long start = System.nanoTime();

    public Vitals(String baseUrl, String adminToken) {
        this.baseUrl = baseUrl;
        this.token = adminToken;
        timer.scheduleAtFixedRate(this::read, 10, 10, TimeUnit.SECONDS);
    }

    private void read() {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/admin/status"))
                    .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return;
            }
            JsonNode status = JSON.readTree(response.body());
            JsonNode minute = status.get("lastMinute");
            JsonNode pool = status.path("pool");
            synchronized (samples) {
                samples.add(new Sample((System.nanoTime() - start) / 1_000_000_000, minute.get("requests").asLong() / 60.0,
                        minute.get("p95Millis").asDouble(), minute.get("errors").asLong(),
                        status.get("heap").get("usedBytes").asLong(), pool.path("active").asInt(),
                        pool.path("waiting").asInt()));
            }
        } catch (IOException | RuntimeException e) {
            // A missed reading is a gap in the CSV, not a failed run.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public List<Sample> samples() {
        synchronized (samples) {
            return List.copyOf(samples);
        }
    }

    /**
     * Flat: in the last quarter the least heap in use (after collections, roughly the live data) grew by
     * less than half over the second quarter's, the median p95 by less than half (plus 10 ms), and no
     * request waited for a connection in more than one reading in ten.
     */
    public static Verdict judge(List<Sample> samples) {
        if (samples.size() < 8) {
            return new Verdict(false, "Too few readings (" + samples.size() + ") to judge; run for longer.");
        }
        int quarter = samples.size() / 4;
        List<Sample> second = samples.subList(quarter, 2 * quarter);
        List<Sample> last = samples.subList(samples.size() - quarter, samples.size());
        long heapBefore = second.stream().mapToLong(Sample::heapBytes).min().orElseThrow();
        long heapAfter = last.stream().mapToLong(Sample::heapBytes).min().orElseThrow();
        double p95Before = median(second.stream().mapToDouble(Sample::p95Millis).toArray());
        double p95After = median(last.stream().mapToDouble(Sample::p95Millis).toArray());
        long waiting = samples.stream().filter(s -> s.poolWaiting() > 0).count();
        boolean heapFlat = heapAfter < heapBefore * 1.5;
        boolean latencyFlat = p95After < p95Before * 1.5 + 10;
        boolean poolFlat = waiting * 10 <= samples.size();
        String text = String.format("heap (least in use) %d -> %d MiB%s; p95 (median) %.1f -> %.1f ms%s; "
                        + "readings with requests waiting for a connection: %d of %d%s",
                heapBefore >> 20, heapAfter >> 20, heapFlat ? "" : " GREW", p95Before, p95After,
                latencyFlat ? "" : " GREW", waiting, samples.size(), poolFlat ? "" : " TOO MANY");
        return new Verdict(heapFlat && latencyFlat && poolFlat, text);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    /** Writes the readings as CSV; returns the file. */
    public Path write(Path dir) {
        StringBuilder csv = new StringBuilder("second,requests_per_second,p95_ms,errors,heap_bytes,pool_busy,pool_waiting\n");
        for (Sample s : samples()) {
            csv.append(s.second()).append(',').append(String.format("%.1f", s.requestsPerSecond())).append(',')
                    .append(String.format("%.1f", s.p95Millis())).append(',').append(s.errors()).append(',')
                    .append(s.heapBytes()).append(',').append(s.poolBusy()).append(',').append(s.poolWaiting())
                    .append('\n');
        }
        try {
            Files.createDirectories(dir);
            Path file = dir.resolve("vitals-" + System.currentTimeMillis() + ".csv");
            Files.writeString(file, csv);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
