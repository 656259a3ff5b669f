package app.booksflow.server.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How far behind each device is, from the watches it sends: {@code booksflow.sync.lag.changes} (changes
 * waiting for it when it last asked) and {@code booksflow.sync.lag.seconds} (since it last asked; a
 * device that stops asking falls behind in time), tagged by device. A device silent for a day is
 * dropped, and at most {@link #MAX_DEVICES} are tracked, so the series stay bounded.
 */
public final class SyncLag {

    static final Duration FORGET_AFTER = Duration.ofDays(1);
    static final int MAX_DEVICES = 10_000;

    private final MeterRegistry registry;
    private final Clock clock;
    private final Map<UUID, Device> devices = new ConcurrentHashMap<>();
    private volatile Instant sweptAt = Instant.MIN;

    public SyncLag(MeterRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
    }

    /** The device asked for changes and had {@code changesBehind} waiting. */
    public void observe(UUID device, long changesBehind) {
        Instant now = clock.instant();
        sweep(now);
        Device seen = devices.get(device);
        if (seen == null) {
            if (devices.size() >= MAX_DEVICES) {
                return;
            }
            seen = devices.computeIfAbsent(device, this::register);
        }
        seen.changes = changesBehind;
        seen.at = now;
    }

    /** The devices tracked now. */
    public int devices() {
        return devices.size();
    }

    private Device register(UUID id) {
        Device device = new Device();
        String tag = id.toString();
        device.changesGauge = Gauge.builder("booksflow.sync.lag.changes", device, d -> d.changes)
                .description("Changes waiting for the device when it last asked").tag("device", tag)
                .strongReference(true).register(registry);
        device.secondsGauge = Gauge.builder("booksflow.sync.lag.seconds", device,
                        d -> Duration.between(d.at, clock.instant()).toMillis() / 1000.0)
                .description("Seconds since the device last asked for changes").tag("device", tag)
                .strongReference(true).register(registry);
        return device;
    }

    private void sweep(Instant now) {
        if (now.isBefore(sweptAt.plusSeconds(60))) {
            return;
        }
        sweptAt = now;
        devices.entrySet().removeIf(entry -> {
            Device device = entry.getValue();
            if (device.at.isAfter(now.minus(FORGET_AFTER))) {
                return false;
            }
            registry.remove(device.changesGauge);
            registry.remove(device.secondsGauge);
            return true;
        });
    }

    private static final class Device {
        private volatile long changes;
        private volatile Instant at = Instant.EPOCH;
        private Gauge changesGauge;
        private Gauge secondsGauge;
    }
}
