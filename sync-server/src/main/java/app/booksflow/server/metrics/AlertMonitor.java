package app.booksflow.server.metrics;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls a webhook when the p95 or the error rate of the last minute stays above its threshold for the
 * configured time, and again when it has stayed below for as long. Judged every few seconds by the
 * server's scheduler from {@link LiveStats}. A call that fails is retried at the next judgement, in
 * order, so that "firing" never arrives after its "resolved".
 */
public final class AlertMonitor {

    /** When to alert: thresholds, how long a breach (or a recovery) must last, and the window judged. */
    public record Rules(URI webhook, double p95Millis, double errorPercent, Duration hold, Duration window) {

        public Rules {
            if (!"http".equals(webhook.getScheme()) && !"https".equals(webhook.getScheme())) {
                throw new IllegalArgumentException("The alert webhook must be an http or https address: " + webhook);
            }
            if (!(p95Millis > 0) || !(errorPercent > 0) || hold.isNegative() || window.toSeconds() < 1) {
                throw new IllegalArgumentException("Alert thresholds must be above zero and the window at least a second.");
            }
        }
    }

    /** What was sent, or is waiting to be sent, to the webhook. */
    public record Notice(String alert, String status, double value, double threshold, String unit, Instant since,
            Instant at) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(AlertMonitor.class);
    private static final int MAX_WAITING = 100;

    private final Rules rules;
    private final LiveStats stats;
    private final Clock clock;
    private final ObjectMapper json;
    private final HttpClient http;
    private final String server;
    private final Map<String, Condition> conditions = new LinkedHashMap<>();
    private final ArrayDeque<Notice> waiting = new ArrayDeque<>();
    /** Read by the status page without waiting for a judgement, whose webhook calls may take seconds. */
    private volatile List<String> firing = List.of();

    public AlertMonitor(Rules rules, LiveStats stats, Clock clock, ObjectMapper json, String server) {
        this.rules = rules;
        this.stats = stats;
        this.clock = clock;
        this.json = json;
        this.server = server;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        conditions.put("latency", new Condition("latency", "ms", rules.p95Millis()));
        conditions.put("errors", new Condition("errors", "%", rules.errorPercent()));
    }

    /** Judges the last window, then sends what is waiting; returns the notices this judgement raised. */
    public synchronized List<Notice> evaluate() {
        LiveStats.Summary window = stats.window(rules.window());
        Instant now = clock.instant();
        List<Notice> raised = new java.util.ArrayList<>();
        conditions.get("latency").judge(window.requests() == 0 ? 0 : window.p95Millis(), now).ifPresent(raised::add);
        conditions.get("errors").judge(window.errorPercent(), now).ifPresent(raised::add);
        firing = conditions.values().stream().filter(c -> c.firing).map(c -> c.name).toList();
        for (Notice notice : raised) {
            LOG.warn("Alert {} is {}: {} {} (threshold {} {})", notice.alert(), notice.status(), notice.value(),
                    notice.unit(), notice.threshold(), notice.unit());
            if (waiting.size() == MAX_WAITING) {
                LOG.warn("The alert webhook has not answered for a while; dropping the oldest waiting notice");
                waiting.removeFirst();
            }
            waiting.addLast(notice);
        }
        deliver();
        return raised;
    }

    /** The alerts now firing, by name. */
    public List<String> firing() {
        return firing;
    }

    private void deliver() {
        while (!waiting.isEmpty()) {
            Notice notice = waiting.peekFirst();
            try {
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("alert", notice.alert());
                body.put("status", notice.status());
                body.put("value", Math.round(notice.value() * 100) / 100.0);
                body.put("threshold", notice.threshold());
                body.put("unit", notice.unit());
                body.put("since", notice.since().toString());
                body.put("at", notice.at().toString());
                body.put("server", server);
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(rules.webhook())
                        .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body))).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() / 100 != 2) {
                    LOG.warn("The alert webhook answered {}; trying again at the next check", response.statusCode());
                    return;
                }
                waiting.removeFirst();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                LOG.warn("Cannot reach the alert webhook {}: {}; trying again at the next check", rules.webhook(),
                        e.toString());
                return;
            }
        }
    }

    /** One condition's state: breached or healthy since when, and whether it is firing. */
    private final class Condition {
        private final String name;
        private final String unit;
        private final double threshold;
        private boolean firing;
        private Instant changedAt;
        private boolean breached;

        Condition(String name, String unit, double threshold) {
            this.name = name;
            this.unit = unit;
            this.threshold = threshold;
        }

        Optional<Notice> judge(double value, Instant now) {
            boolean breachNow = value > threshold;
            if (changedAt == null || breachNow != breached) {
                breached = breachNow;
                changedAt = now;
            }
            boolean held = !now.isBefore(changedAt.plus(rules.hold()));
            if (breached && !firing && held) {
                firing = true;
                return Optional.of(new Notice(name, "firing", value, threshold, unit, changedAt, now));
            }
            if (!breached && firing && held) {
                firing = false;
                return Optional.of(new Notice(name, "resolved", value, threshold, unit, changedAt, now));
            }
            return Optional.empty();
        }
    }
}
