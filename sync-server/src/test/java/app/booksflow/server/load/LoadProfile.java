package app.booksflow.server.load;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * How many requests arrive per second, phase by phase (an open model: arrivals do not wait for answers).
 * Every arrival is one request of one of the four scenarios.
 */
public record LoadProfile(String name, List<Phase> phases) {

    /** Arrivals rise (or fall) linearly from {@code from} to {@code to} per second over the duration. */
    public record Phase(String name, double from, double to, Duration duration) {

        public Phase {
            if (from < 0 || to < 0 || duration.isNegative() || duration.isZero()) {
                throw new IllegalArgumentException("A phase needs rates of zero or more and a positive duration: " + name);
            }
        }

        static Phase constant(String name, double rate, Duration duration) {
            return new Phase(name, rate, rate, duration);
        }

        public double arrivals() {
            return (from + to) / 2 * duration.toMillis() / 1000.0;
        }
    }

    public LoadProfile {
        phases = List.copyOf(phases);
    }

    /** The plan's phases: warm-up, ramp, sustained, peak and cool-down. */
    public static LoadProfile full() {
        return new LoadProfile("full", List.of(
                Phase.constant("warm-up", 10, Duration.ofSeconds(60)),
                new Phase("ramp", 10, 50, Duration.ofSeconds(120)),
                Phase.constant("sustained", 100, Duration.ofSeconds(300)),
                Phase.constant("peak", 200, Duration.ofSeconds(120)),
                Phase.constant("cool-down", 10, Duration.ofSeconds(60))));
    }

    /** The plan's phases at the plan's rates, each a twelfth as long: under a minute, for every build. */
    public static LoadProfile quick() {
        return new LoadProfile("short", full().phases().stream()
                .map(p -> new Phase(p.name(), p.from(), p.to(), p.duration().dividedBy(12))).toList());
    }

    /** A steady minute, then five times the plan's peak at once for 30 s, then steady again: does it recover? */
    public static LoadProfile spike() {
        return new LoadProfile("spike", List.of(
                Phase.constant("before", 50, Duration.ofSeconds(60)),
                Phase.constant("spike", 1000, Duration.ofSeconds(30)),
                Phase.constant("after", 50, Duration.ofSeconds(120))));
    }

    /**
     * The plan's phases, each a quarter as long (under three minutes), against a practice whose audit trail
     * holds years of history: are the audit queries still within budget at ten million rows?
     */
    public static LoadProfile volume() {
        return new LoadProfile("volume", full().phases().stream()
                .map(p -> new Phase(p.name(), p.from(), p.to(), p.duration().dividedBy(4))).toList());
    }

    /** The plan's sustained rate for a long time: heap, pool and latency must stay flat. */
    public static LoadProfile soak(Duration duration) {
        return new LoadProfile("soak", List.of(Phase.constant("sustained", 100, duration)));
    }

    /** Every rate multiplied, for the same shape at a higher load. */
    public LoadProfile times(double factor) {
        if (!(factor > 0)) {
            throw new IllegalArgumentException("The rate factor must be above zero, not " + factor + ".");
        }
        return factor == 1 ? this : new LoadProfile(name + " x" + factor, phases.stream()
                .map(p -> new Phase(p.name(), p.from() * factor, p.to() * factor, p.duration())).toList());
    }

    public double arrivals() {
        return phases.stream().mapToDouble(Phase::arrivals).sum();
    }

    public Duration duration() {
        return phases.stream().map(Phase::duration).reduce(Duration.ZERO, Duration::plus);
    }

    /** short, full, spike, soak or volume; the soak lasts {@code soakMinutes}. */
    public static LoadProfile named(String name, Duration soak) {
        return switch (name.strip().toLowerCase(Locale.ROOT)) {
            case "short" -> quick();
            case "full" -> full();
            case "spike" -> spike();
            case "soak" -> soak(soak);
            case "volume" -> volume();
            default -> throw new IllegalArgumentException("There is no load profile '" + name
                    + "'; choose short, full, spike, soak, volume or capacity.");
        };
    }
}
